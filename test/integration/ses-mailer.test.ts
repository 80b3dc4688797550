import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESClient } from '@aws-sdk/client-ses';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { isValidEmailAddress } from '../../shared/adapters/ses/email-address.ts';
import { MailError } from '../../shared/errors.ts';
import type { EmailMessage } from '../../shared/ports/mailer.ts';
import { readMailbox, startSesEmulator, type SesEmulator } from '../support/ses-emulator.ts';
import { startEmbeddedSes } from '../../infra/local/embedded-ses.ts';

let ses: SesEmulator;

beforeAll(async () => {
  ses = await startSesEmulator();
});
afterAll(async () => {
  await ses.stop();
});
beforeEach(async () => {
  await ses.clear();
});

const MESSAGE: EmailMessage = {
  to: ['oncall@example.test'],
  subject: '[sla-watch] HIGH new alert: Disk full — 95 % ✓',
  html: '<p>Disk <b>full</b> — ünïcödé ✓</p>',
  text: 'Disk full — ünïcödé ✓\n',
};

describe('SesMailer against the SES emulator', () => {
  it('delivers subject, HTML and text in UTF-8 from the configured sender', async () => {
    const mailer = new SesMailer({ client: ses.client, from: 'sla-watch <sla-watch@example.test>' });
    const { messageId } = await mailer.send(MESSAGE);
    const [stored, ...rest] = await ses.messages();
    expect(rest).toEqual([]);
    expect(stored).toMatchObject({
      messageId,
      from: 'sla-watch <sla-watch@example.test>',
      destination: { to: ['oncall@example.test'] },
      subject: MESSAGE.subject,
      body: { html: MESSAGE.html, text: MESSAGE.text },
    });
  });

  it('strips CR/LF from the subject so nothing can be injected into headers', async () => {
    const mailer = new SesMailer({ client: ses.client, from: 'sla-watch@example.test' });
    await mailer.send({ ...MESSAGE, subject: 'Disk full\r\nBcc: victim@example.test' });
    const [stored] = await ses.messages();
    expect(stored?.subject).toBe('Disk full Bcc: victim@example.test');
  });

  it.each([
    ['empty', ''],
    ['no domain', 'oncall@'],
    ['no at sign', 'oncall.example.test'],
    ['CR/LF injection', 'oncall@example.test\r\nBcc: victim@example.test'],
    ['a space', 'on call@example.test'],
    ['two at signs', 'a@b@example.test'],
    ['a display name', 'Oncall <oncall@example.test>'],
    ['too long', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.test`],
  ])('refuses a recipient with %s before anything is sent', async (_, address) => {
    const mailer = new SesMailer({ client: ses.client, from: 'sla-watch@example.test' });
    await expect(mailer.send({ ...MESSAGE, to: ['ok@example.test', address] })).rejects.toBeInstanceOf(MailError);
    expect(await ses.messages()).toEqual([]);
  });

  it('refuses an invalid sender and an empty recipient list', async () => {
    await expect(new SesMailer({ client: ses.client, from: 'sla-watch@example.test\r\nBcc: x@y.test' }).send(MESSAGE)).rejects.toThrow(
      /invalid sender/,
    );
    await expect(new SesMailer({ client: ses.client, from: 'sla-watch@example.test' }).send({ ...MESSAGE, to: [] })).rejects.toThrow(
      /at least one recipient/,
    );
    expect(await ses.messages()).toEqual([]);
  });

  it('sends a message holding lone surrogates, and the next message is untouched by it', async () => {
    const mailer = new SesMailer({ client: ses.client, from: 'sla-watch@example.test' });
    await mailer.send({ ...MESSAGE, subject: 'hi \ud800 there', html: '<p>hi \udc00</p>', text: 'hi \ud800' });
    const next: EmailMessage = { to: ['next@example.test'], subject: 'unrelated', html: '<p>unrelated</p>', text: 'unrelated' };
    await mailer.send(next);
    const [first, second, ...rest] = await ses.messages();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ subject: 'hi \ufffd there', body: { html: '<p>hi \ufffd</p>', text: 'hi \ufffd' } });
    expect(second).toMatchObject({ destination: { to: ['next@example.test'] }, subject: 'unrelated', body: { html: '<p>unrelated</p>', text: 'unrelated' } });
  });

  it('turns an SES failure into MailError keeping the SDK error as cause', async () => {
    const unreachable = new SESClient({
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const mailer = new SesMailer({ client: unreachable, from: 'sla-watch@example.test' });
    const error = await mailer.send(MESSAGE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).code).toBe('mail_failed');
    expect((error as MailError).cause).toBeInstanceOf(Error);
    unreachable.destroy();
  });
});

describe('email address validation', () => {
  it.each(['a@example.test', 'first.last+tag@sub.example.co.uk', "o'brien@example.test", 'x_y-z@a-b.example.io'])('accepts %s', (address) => {
    expect(isValidEmailAddress(address)).toBe(true);
  });

  it.each(['.a@example.test', 'a.@example.test', 'a..b@example.test', 'a@-example.test', 'a@example', 'a@example.t', 'a@[127.0.0.1]', '"a b"@example.test'])(
    'refuses %s',
    (address) => {
      expect(isValidEmailAddress(address)).toBe(false);
    },
  );
});

describe('the local mailbox', () => {
  it('keeps only the newest emails, so it never grows with the mail sent', async () => {
    const small = await startEmbeddedSes({ host: '127.0.0.1', port: 0, keepEmails: 3 });
    try {
      const mailer = new SesMailer({ client: small.client, from: 'sla-watch@example.test' });
      for (let i = 1; i <= 5; i += 1) await mailer.send({ ...MESSAGE, to: ['capped@example.test'], subject: `capped ${i}` });
      const kept = (await readMailbox(small.endpoint)).filter((mail) => mail.destination.to.includes('capped@example.test'));
      expect(kept.map((mail) => mail.subject)).toEqual(['capped 3', 'capped 4', 'capped 5']);
    } finally {
      await small.close();
    }
  });
});
