import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoSuppressionList } from '../../shared/adapters/dynamo/dynamo-suppression-list.ts';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { SuppressingMailer } from '../../shared/adapters/ses/suppressing-mailer.ts';
import { recordMailFeedback } from '../../shared/app/record-mail-feedback.ts';
import { InvalidRequestError, MailError } from '../../shared/errors.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { MemoryLogger } from '../support/memory-logger.ts';
import { startSesEmulator, type SesEmulator } from '../support/ses-emulator.ts';

let db: Dynalite;
let ses: SesEmulator;
beforeAll(async () => {
  [db, ses] = await Promise.all([startDynalite(), startSesEmulator()]);
});
afterAll(async () => {
  await Promise.all([db.stop(), ses.stop()]);
});
beforeEach(async () => {
  await ses.clear();
});

/** SES event publishing, as the SNS message carries it (trimmed to the fields that matter). */
const bounce = (type: 'Permanent' | 'Transient', ...to: string[]) =>
  JSON.stringify({
    eventType: 'Bounce',
    bounce: { bounceType: type, bounceSubType: type === 'Permanent' ? 'NoEmail' : 'MailboxFull', bouncedRecipients: to.map((emailAddress) => ({ emailAddress })), timestamp: '2026-03-02T08:59:00.000Z' },
    mail: { messageId: 'm-1', destination: to },
  });
const complaint = (...to: string[]) =>
  JSON.stringify({ eventType: 'Complaint', complaint: { complaintFeedbackType: 'abuse', complainedRecipients: to.map((emailAddress) => ({ emailAddress })) }, mail: { messageId: 'm-2' } });
const delivery = (to: string) => JSON.stringify({ eventType: 'Delivery', delivery: { recipients: [to] }, mail: { messageId: 'm-3' } });

const email = (to: string) => ({ to: [to], subject: 'sla-watch test', html: '<p>hi</p>', text: 'hi' });

async function setup() {
  const suppressions = new DynamoSuppressionList({ client: db.client, tableName: await db.createTable() });
  const logger = new MemoryLogger();
  const mailer = new SuppressingMailer(new SesMailer({ client: ses.client, from: 'sla-watch@example.test' }), suppressions);
  return { suppressions, logger, mailer, deps: { suppressions, logger, clock: new ManualClock('2026-03-02T09:00:00Z') } };
}

describe('bounces and complaints', () => {
  it('suppress the addresses of permanent bounces and complaints, and no others', async () => {
    const { suppressions, logger, deps } = await setup();
    const recorded = await recordMailFeedback(deps, [bounce('Permanent', 'Gone@Example.test'), bounce('Transient', 'full@example.test'), complaint('angry@example.test'), delivery('fine@example.test')]);
    expect(recorded).toEqual([
      { address: 'Gone@Example.test', reason: 'bounce', at: Date.parse('2026-03-02T08:59:00.000Z'), detail: 'Permanent/NoEmail' },
      { address: 'angry@example.test', reason: 'complaint', at: Date.parse('2026-03-02T09:00:00Z'), detail: 'abuse' },
    ]);
    expect(await suppressions.isSuppressed('gone@example.test')).toBe(true);
    expect(await suppressions.isSuppressed('ANGRY@example.test')).toBe(true);
    expect(await suppressions.isSuppressed('full@example.test')).toBe(false);
    expect(await suppressions.isSuppressed('fine@example.test')).toBe(false);
    expect(logger.entries.filter((e) => e.level === 'warn').map((e) => e.fields['recipient'])).toEqual(['Gone@Example.test', 'angry@example.test']);
  });

  it('refuse a message that is not JSON, so the delivery is retried', async () => {
    const { deps } = await setup();
    await expect(recordMailFeedback(deps, ['{not json'])).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('are not mailed again until cleared; everyone else still is', async () => {
    const { suppressions, mailer, deps } = await setup();
    await recordMailFeedback(deps, [bounce('Permanent', 'gone@example.test')]);

    await expect(mailer.send(email('Gone@example.test'))).rejects.toThrow(new MailError('recipient suppressed after a bounce or complaint: "Gone@example.test"'));
    await mailer.send(email('oncall@example.test'));
    expect((await ses.messages()).map((m) => m.destination.to)).toEqual([['oncall@example.test']]);

    await suppressions.clear('GONE@example.test');
    await mailer.send(email('gone@example.test'));
    expect((await ses.messages()).map((m) => m.destination.to)).toEqual([['oncall@example.test'], ['gone@example.test']]);
  });

  it('send nothing when the list cannot be read', async () => {
    const suppressions = new DynamoSuppressionList({ client: db.client, tableName: 'no-such-table' });
    const mailer = new SuppressingMailer(new SesMailer({ client: ses.client, from: 'sla-watch@example.test' }), suppressions);
    await expect(mailer.send(email('oncall@example.test'))).rejects.toThrow('could not check the suppression list; not mailed');
    expect(await ses.messages()).toEqual([]);
  });
});
