/**
 * The cost benchmark's counting (bench/cost): one critical alert's whole life, driven through
 * the real HTTP app, DynamoDB store on dynalite and SES mailer on the emulator, must yield
 * exactly the requests, schedules, timer deliveries and emails that life implies, and the
 * write units the indexes are charged must follow DynamoDB's rules. These are the numbers the
 * README's cost table is built from.
 */
import { describe, expect, it } from 'vitest';
import { COST_SECRETS, costConfig } from '../../bench/cost/bench-config.ts';
import { indexWriteUnits } from '../../bench/cost/dynamo-meter.ts';
import { itemSize, type Item } from '../../bench/cost/item-size.ts';
import { runLifecycle } from '../../bench/cost/lifecycle.ts';
import type { AlertPlan } from '../../bench/cost/month-plan.ts';
import { estimateMonth } from '../../bench/cost/monthly.ts';
import { DUE_INDEX, type IndexDefinition } from '../../shared/store/table-definition.ts';

const at = (time: string): number => Date.parse(`2026-03-02T${time}Z`);

// Critical, around the clock: acknowledgment at risk 10:04 and due 10:05, reminders from
// 10:05, an update due 15 min after the acknowledgment or the last update.
const plan: AlertPlan = {
  fingerprint: 'c0570000000000aa',
  priority: 'critical',
  firstAt: at('10:00:00'),
  repeatAt: at('10:01:00'),
  ack: { via: 'link', openAt: at('10:02:40'), at: at('10:03:00') },
  updateAt: at('10:10:00'),
  resolveAt: at('10:30:00'),
};

describe('counting one alert for the cost table', () => {
  it('counts each request, schedule, timer and email that an acknowledged, updated and resolved alert causes', async () => {
    const config = costConfig();
    const result = await runLifecycle({ config, plans: [plan], startAt: at('09:58:00'), endAt: at('11:30:00'), timerDelayMs: () => 0, secrets: COST_SECRETS });

    expect(result.problems).toEqual([]);
    const alert = result.byScope.alerts;
    // Three Alertmanager deliveries (firing, repeat, resolved), the link's page and button, one API update.
    expect(alert.withPrefix('http.route.')).toEqual([['webhook', 3], ['ack-page', 1], ['ack-button', 1], ['responses', 1]]);
    expect([alert.get('http.requests'), alert.get('lambda.api')]).toEqual([6, 6]);
    // Armed: at creation (at-risk 10:04), on the acknowledgment (update due 10:18, 10:04 cancelled),
    // on the update (10:25, 10:18 cancelled), after the 10:25 delivery (resolution at risk 10:48,
    // cancelled by the resolution, whose notification is sent at once).
    expect([alert.get('scheduler.create'), alert.get('scheduler.delete')]).toEqual([4, 3]);
    expect([alert.get('scheduler.invocations'), alert.get('lambda.timer'), alert.get('timer.fired.reminder')]).toEqual([1, 1, 1]);
    // New alert, update due at 10:25, resolved: one on-call address, and Slack for each.
    expect([alert.get('ses.emails'), alert.get('slack.posts')]).toEqual([3, 3]);
    // Reads: first delivery (a miss), repeat, page, button (page + response), update, timer,
    // resolved delivery (find, record, claim). Writes: create, repeat, acknowledgment, update,
    // timer claim, resolution, its notification's claim.
    // Then each of the 6 deliveries (3 emails, 3 Slack posts) is leased and marked by the sender:
    // two writes each, a few reads, and a re-read and rewrite when the email and Slack lanes of
    // one alert race for its version.
    expect(alert.get('ddb.call.Query')).toBe(0);
    expect(alert.get('ddb.call.PutItem')).toBeGreaterThanOrEqual(7 + 12);
    expect(alert.get('ddb.call.PutItem')).toBeLessThanOrEqual(7 + 12 + 6);
    expect(alert.get('ddb.call.BatchGetItem')).toBeGreaterThanOrEqual(10 + 12);
    // One unit per read, two once the outbox has grown the item past 4 KB.
    expect(alert.get('ddb.rru.table')).toBeGreaterThanOrEqual(alert.get('ddb.call.BatchGetItem'));
    // The indexes copy keys (by-created also status and priority), never the item: by-day is
    // written when the alert enters it and once more when it settles (resolved, every delivery
    // made), taking its report view; by-created again on each change of status (acknowledged,
    // resolved); open when the alert enters it, when its view changes (acknowledged) and when it
    // leaves, resolved; outbox whenever the next delivery's instant moves.
    expect(alert.get('ddb.wru.table')).toBeGreaterThanOrEqual(14);
    expect(alert.get('ddb.wru.index.by-day')).toBeGreaterThanOrEqual(2);
    expect(alert.get('ddb.wru.index.by-day')).toBeLessThanOrEqual(4);
    expect(alert.get('ddb.wru.index.by-created')).toBe(3);
    expect(alert.get('ddb.wru.index.open')).toBe(3);
    expect(alert.get('ddb.wru.index.outbox')).toBeGreaterThan(0);
    expect(alert.get('ddb.wru.index.outbox')).toBeLessThanOrEqual(2 * alert.get('ddb.call.PutItem'));
    // The due index copies keys only: a unit per entry, two when its key moves, never the item.
    expect(alert.get('ddb.wru.index.due')).toBeGreaterThan(0);
    expect(alert.get('ddb.wru.index.due')).toBeLessThanOrEqual(2 * alert.get('ddb.call.PutItem'));

    // The sweeper ran every minute, found nothing the timers had not handled, and read the
    // minimum of each of the 16 shards of the due index.
    expect(result.sweeps).toHaveLength(93);
    expect(result.sweeps.every((run) => run.alerts === 0)).toBe(true);
    // Each run: one query per shard of the due index, and one per shard of the outbox index
    // (deliveries waiting too long, queued again).
    expect([result.byScope.sweep.get('ddb.call.Query'), result.byScope.sweep.get('ddb.rru.index'), result.byScope.sweep.get('lambda.sweeper')]).toEqual([93 * 32, 93 * 16, 93]);

    // A month: the alert's counts times 10,000, the sweeper's 43,200 runs at 60 s once.
    const month = estimateMonth(result, config).month;
    expect(month.get('http.requests')).toBe(60_000);
    expect(month.get('lambda.sweeper')).toBe(43_200);
    expect(month.get('ddb.rru.index')).toBe(43_200 * 16);
    // 93 sweeps of 32 shard queries each and a whole lifecycle with its deliveries on dynalite:
    // more than the default 20 s on a busy machine.
  }, 120_000);

  it('charges an index per DynamoDB rules: entering, moving (delete and put), staying, leaving', () => {
    const doc = 'x'.repeat(1500);
    const due = (dueAt: number | null, size: string = doc): Item => ({
      pk: { S: 'ALERT#a' },
      doc: { S: size },
      ...(dueAt === null ? {} : { duePk: { S: 'ALERT#3' }, dueKey: { S: `${String(dueAt).padStart(15, '0')}#a` } }),
    });
    expect(itemSize(due(null))).toBe(2 + 7 + 3 + 1500);
    expect(itemSize({ n: { N: '-0012.3400' } })).toBe(1 + 3);
    // An index that copies the whole item pays for its size.
    const whole: IndexDefinition = { ...DUE_INDEX, projection: 'ALL' };
    expect(indexWriteUnits(whole, 'pk', undefined, due(1))).toBe(2);
    expect(indexWriteUnits(whole, 'pk', due(1), due(2))).toBe(4);
    expect(indexWriteUnits(whole, 'pk', due(1), due(1, 'x'.repeat(2500)))).toBe(3);
    expect(indexWriteUnits(whole, 'pk', due(1), due(null))).toBe(2);
    expect(indexWriteUnits(whole, 'pk', due(null), due(null))).toBe(0);
    // The due index copies keys (and a timer's name and payload) only: one unit per entry, and
    // nothing at all when an update leaves its key alone.
    expect(indexWriteUnits(DUE_INDEX, 'pk', undefined, due(1))).toBe(1);
    expect(indexWriteUnits(DUE_INDEX, 'pk', due(1), due(2))).toBe(2);
    expect(indexWriteUnits(DUE_INDEX, 'pk', due(1), due(1, 'x'.repeat(2500)))).toBe(0);
    expect(indexWriteUnits(DUE_INDEX, 'pk', due(1), due(null))).toBe(1);
  });
});
