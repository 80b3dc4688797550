import { describe, expect, it } from 'vitest';
import { ingestEvents } from '../../shared/app/ingest-events.ts';
import type { IntegrationConfig } from '../../shared/config/app-config.ts';
import { alertId } from '../../shared/domain/alert/alert-id.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { parseIntake } from '../../shared/intake/parse-intake.ts';
import { amAlert, amGroup, genericEvent, kumaNotice, pdAction, pdEvent } from '../support/payload-fixtures.ts';
import { testDeps, type TestDeps } from '../support/test-deps.ts';

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const AM_KEY = 'a368be53ef7f847c@2026-03-02T08:58:00.000Z';

function integration(t: TestDeps, id: string): IntegrationConfig {
  const found = t.deps.config.integrations.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no integration ${id} in the test config`);
  return found;
}

/** Parses `body` in the integration's format and ingests it, as the webhook route does. */
function deliver(t: TestDeps, id: string, body: unknown) {
  const target = integration(t, id);
  return ingestEvents(t.deps, target, parseIntake(target.format, body, { generatedDedupKey: 'generated-key' }));
}

describe('ingestEvents', () => {
  it('creates an alert with its SLA snapshot, sends the new-alert notification and arms the first timer', async () => {
    const t = testDeps({ now: NOW });
    const results = await deliver(t, 'am', amGroup([amAlert()]));
    const id = alertId('am', AM_KEY, 1);
    expect(results).toEqual([{ outcome: 'created', alertId: id, dedupKey: AM_KEY }]);

    const [alert, ...others] = t.store.all();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      id,
      integrationId: 'am',
      format: 'alertmanager',
      occurrence: 1,
      title: '5xx rate above 5%',
      severity: 'critical',
      priority: 'critical',
      createdAt: NOW,
      lastSeenAt: NOW,
      sourceStartedAt: NOW - 2 * MINUTE_MS,
      deliveries: 1,
      status: 'open',
      sla: t.deps.config.policies.critical,
    });
    expect(alert?.notified.newAlertAt).toBe(NOW);
    expect(t.sender.kinds(id)).toEqual(['new-alert']);
    expect(t.timers.pending().map((timer) => timer.payload.alertId)).toEqual([id]);
    expect(t.timers.pending()[0]?.at).toBeGreaterThan(NOW);
  });

  it('merges a repeat into the open alert: one alert, two deliveries, one notification', async () => {
    const t = testDeps({ now: NOW });
    await deliver(t, 'am', amGroup([amAlert()]));
    t.clock.advance(5 * MINUTE_MS);
    const results = await deliver(t, 'am', amGroup([amAlert()]));
    expect(results.map((r) => r.outcome)).toEqual(['merged']);
    const [alert, ...others] = t.store.all();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ deliveries: 2, lastSeenAt: NOW + 5 * MINUTE_MS, createdAt: NOW });
    expect(t.sender.kinds()).toEqual(['new-alert']);
  });

  it('resolves the alert when the source says resolved, recording the source as resolver', async () => {
    const t = testDeps({ now: NOW });
    await deliver(t, 'am', amGroup([amAlert()]));
    t.clock.advance(20 * MINUTE_MS);
    const results = await deliver(t, 'am', amGroup([amAlert({ status: 'resolved' })]));
    expect(results).toEqual([{ outcome: 'resolved', alertId: alertId('am', AM_KEY, 1), dedupKey: AM_KEY }]);
    const [alert] = t.store.all();
    expect(alert).toMatchObject({ status: 'resolved', resolvedAt: NOW + 20 * MINUTE_MS, resolvedBy: 'alertmanager' });
    expect(alert?.responses.map((r) => [r.type, r.by, r.via])).toEqual([['resolution', 'alertmanager', 'webhook']]);
    // Critical: 5 minutes to acknowledge, and no timer ran in between: the breach that happened
    // is still told, once, before the resolution.
    expect(t.sender.kinds()).toEqual(['new-alert', 'acknowledgment-breach', 'resolved']);
  });

  it('ignores an Alertmanager firing delivered after its resolution, and a second resolution', async () => {
    const t = testDeps({ now: NOW });
    await deliver(t, 'am', amGroup([amAlert()]));
    await deliver(t, 'am', amGroup([amAlert({ status: 'resolved' })]));
    const late = await deliver(t, 'am', amGroup([amAlert(), amAlert({ status: 'resolved' })]));
    expect(late.map((r) => r.outcome)).toEqual(['ignored', 'ignored']);
    expect(t.store.all()).toHaveLength(1);
    expect(t.store.all()[0]?.responses).toHaveLength(1);
  });

  it('ignores the resolution of an alert it never saw', async () => {
    const t = testDeps({ now: NOW });
    const results = await deliver(t, 'am', amGroup([amAlert({ status: 'resolved' })]));
    expect(results).toEqual([{ outcome: 'ignored', alertId: null, dedupKey: AM_KEY }]);
    expect(t.store.all()).toEqual([]);
  });

  it('handles a mixed group alert by alert', async () => {
    const t = testDeps({ now: NOW });
    await deliver(t, 'am', amGroup([amAlert({ fingerprint: 'one' })]));
    const results = await deliver(t, 'am', amGroup([amAlert({ fingerprint: 'one', status: 'resolved' }), amAlert({ fingerprint: 'two' })]));
    expect(results.map((r) => r.outcome)).toEqual(['resolved', 'created']);
    expect(t.store.all().map((a) => a.status).sort()).toEqual(['open', 'resolved']);
  });

  it('does not ignore a resolution for an alert another delivery created while the request was under way', async () => {
    const t = testDeps({ now: NOW });
    // The group's alerts are read when the request begins: 'late' is not stored yet. While the
    // new-alert email of 'first' goes out, a concurrent delivery creates 'late'.
    t.sender.beforeSend = async () => {
      t.sender.beforeSend = undefined;
      await deliver(t, 'am', amGroup([amAlert({ fingerprint: 'late' })]));
    };
    const results = await deliver(t, 'am', amGroup([amAlert({ fingerprint: 'first' }), amAlert({ fingerprint: 'late', status: 'resolved' })]));
    expect(results.map((r) => r.outcome)).toEqual(['created', 'resolved']);
    expect(t.store.all().find((a) => a.dedupKey.startsWith('late@'))?.status).toBe('resolved');
  });

  it('PagerDuty: trigger, acknowledge, resolve, then a new trigger opens occurrence 2', async () => {
    const t = testDeps({ now: NOW });
    const first = alertId('pd', 'db-replication-lag', 1);
    expect(await deliver(t, 'pd', pdEvent())).toEqual([{ outcome: 'created', alertId: first, dedupKey: 'db-replication-lag' }]);
    t.clock.advance(3 * MINUTE_MS);
    expect((await deliver(t, 'pd', pdAction('acknowledge')))[0]?.outcome).toBe('acknowledged');
    expect((await deliver(t, 'pd', pdAction('acknowledge')))[0]?.outcome).toBe('ignored');
    t.clock.advance(30 * MINUTE_MS);
    expect((await deliver(t, 'pd', pdAction('resolve')))[0]?.outcome).toBe('resolved');
    expect((await deliver(t, 'pd', pdAction('resolve')))[0]?.outcome).toBe('ignored');

    const resolved = await t.store.get(first);
    expect(resolved).toMatchObject({ priority: 'high', acknowledgedBy: 'pagerduty:Nagios', acknowledgedAt: NOW + 3 * MINUTE_MS, resolvedBy: 'pagerduty:Nagios' });

    t.clock.advance(60 * MINUTE_MS);
    const again = await deliver(t, 'pd', pdEvent());
    expect(again).toEqual([{ outcome: 'created', alertId: alertId('pd', 'db-replication-lag', 2), dedupKey: 'db-replication-lag' }]);
    expect(t.store.all().map((a) => [a.occurrence, a.status])).toEqual([
      [1, 'resolved'],
      [2, 'open'],
    ]);
    expect(await t.store.latestOccurrence('pd', 'db-replication-lag')).toBe(2);
    // The next resolve closes occurrence 2, not the one closed before.
    t.clock.advance(10 * MINUTE_MS);
    expect(await deliver(t, 'pd', pdAction('resolve'))).toEqual([{ outcome: 'resolved', alertId: alertId('pd', 'db-replication-lag', 2), dedupKey: 'db-replication-lag' }]);
  });

  it('PagerDuty: acknowledging an unknown key does nothing', async () => {
    const t = testDeps({ now: NOW });
    expect(await deliver(t, 'pd', pdAction('acknowledge', 'never-seen'))).toEqual([{ outcome: 'ignored', alertId: null, dedupKey: 'never-seen' }]);
    expect(t.store.all()).toEqual([]);
  });

  it('Uptime Kuma: down, up, down is two occurrences of the monitor', async () => {
    const t = testDeps({ now: NOW });
    expect((await deliver(t, 'kuma', kumaNotice({ status: 0 })))[0]?.outcome).toBe('created');
    expect((await deliver(t, 'kuma', kumaNotice({ status: 0 })))[0]?.outcome).toBe('merged');
    t.clock.advance(10 * MINUTE_MS);
    expect((await deliver(t, 'kuma', kumaNotice({ status: 1 })))[0]?.outcome).toBe('resolved');
    t.clock.advance(10 * MINUTE_MS);
    expect((await deliver(t, 'kuma', kumaNotice({ status: 0 })))[0]).toEqual({ outcome: 'created', alertId: alertId('kuma', '29', 2), dedupKey: '29' });
    expect(t.store.all().map((a) => [a.occurrence, a.status, a.resolvedBy])).toEqual([
      [1, 'resolved', 'uptime-kuma'],
      [2, 'open', null],
    ]);
  });

  it('takes a priority the generic event names, over its severity', async () => {
    const t = testDeps({ now: NOW });
    await deliver(t, 'generic', genericEvent({ severity: 'info', priority: 'critical' }));
    expect(t.store.all()[0]).toMatchObject({ priority: 'critical', severity: 'info', sla: t.deps.config.policies.critical });
  });

  it('makes exactly one alert of 50 concurrent deliveries, counting every one', async () => {
    const t = testDeps({ now: NOW });
    const results = await Promise.all(Array.from({ length: 50 }, () => deliver(t, 'am', amGroup([amAlert()]))));
    const outcomes = results.flat().map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'merged')).toHaveLength(49);
    const [alert, ...others] = t.store.all();
    expect(others).toEqual([]);
    expect(alert?.deliveries).toBe(50);
    expect(t.sender.kinds()).toEqual(['new-alert']);
  });

  it('keeps a new alert when its email is refused for now: the delivery is stored, retrying, for the senders', async () => {
    const t = testDeps({ now: NOW, sender: { failEmailTimes: 1 } });
    const [result] = await deliver(t, 'am', amGroup([amAlert()]));
    expect(result?.outcome).toBe('created');
    const stored = await t.store.get(result?.alertId ?? '');
    expect(stored?.notified.newAlertAt).toBe(NOW);
    expect(stored?.outbox?.map((d) => [d.notification.kind, d.channel, d.state])).toContainEqual(['new-alert', 'email', 'retrying']);
    expect(t.logger.at('warn').some((e) => e.message === 'delivery failed; retrying' && e.fields['alertId'] === result?.alertId)).toBe(true);
  });

  it('keeps a new alert when the queue is down: its deliveries are stored and found later', async () => {
    const t = testDeps({ now: NOW });
    t.queue.enqueue = async () => {
      throw new Error('queue unavailable');
    };
    const [result] = await deliver(t, 'am', amGroup([amAlert()]));
    expect(result?.outcome).toBe('created');
    expect(await t.store.listOutboxDue(NOW, 10)).toEqual([result?.alertId]);
    expect(await t.queue.drain()).toBeGreaterThanOrEqual(1);
    expect(t.sender.kinds()).toEqual(['new-alert']);
    expect(t.sender.duplicates()).toEqual([]);
  });

  it('a pointer that could not be advanced fails nothing: the alert is stored and announced, the next delivery repairs it', async () => {
    const t = testDeps({ now: NOW });
    t.store.failNext('recordOccurrence');
    const [first] = await deliver(t, 'pd', pdEvent());
    expect(first?.outcome).toBe('created');
    expect(t.sender.kinds()).toEqual(['new-alert']);
    const retry = await deliver(t, 'pd', pdEvent());
    expect(retry[0]?.outcome).toBe('merged');
    expect(t.store.all()).toHaveLength(1);
    expect(await t.store.latestOccurrence('pd', 'db-replication-lag')).toBe(1);
  });

  it('fails (for the sender to retry) when the store is down, still announcing what it stored before', async () => {
    const t = testDeps({ now: NOW });
    // The group's second alert cannot be stored (the store throttles its create).
    const create = t.store.create.bind(t.store);
    let creates = 0;
    t.store.create = async (alert) => {
      creates += 1;
      if (creates === 2) throw new StoreUnavailableError('throttled');
      return create(alert);
    };
    const group = amGroup([amAlert(), amAlert({ fingerprint: 'b000000000000002' })]);
    await expect(deliver(t, 'am', group)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(t.store.all()).toHaveLength(1);
    expect(t.sender.kinds()).toEqual(['new-alert']);
    // The sender's retry merges the first and creates the second: each announced once.
    await deliver(t, 'am', group);
    expect(t.store.all()).toHaveLength(2);
    expect(t.sender.kinds()).toEqual(['new-alert', 'new-alert']);
  });

  it('a trigger and its resolution in one request: new-alert first, then resolved, and no timer left to fire', async () => {
    const t = testDeps({ now: NOW });
    const results = await deliver(t, 'generic', [genericEvent({ id: 'blip' }), genericEvent({ id: 'blip', status: 'resolved' })]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'resolved']);
    expect(t.sender.kinds()).toEqual(['new-alert', 'resolved']);
    expect(t.timers.pending().filter((timer) => timer.at > NOW)).toEqual([]);
  });
});
