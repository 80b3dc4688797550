/**
 * The report tells the truth over days, on a manual clock, with alerts arriving through the
 * real intake (webhook bodies parsed and ingested) and people answering through the use case:
 * each of the four outcomes, a breach that stays in the backlog day after day, alerts their
 * source resolved before and after the acknowledgment deadline, Grafana's test notification,
 * a table per team, and a week whose Sunday is 25 hours long.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../shared/app/build-report.ts';
import { ingestEvents } from '../../shared/app/ingest-events.ts';
import { recordResponse } from '../../shared/app/record-response.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import type { PeriodReport } from '../../shared/domain/report/period-report.ts';
import { alertView } from '../../shared/http/alert-view.ts';
import { parseIntake } from '../../shared/intake/parse-intake.ts';
import { renderReportText } from '../../shared/report/report-text.ts';
import { testConfig } from '../support/config-fixtures.ts';
import { InMemoryReportRollups } from '../support/in-memory-report-rollups.ts';
import { amAlert, amGroup, genericEvent, grafanaAlert, grafanaGroup, pdAction, pdEvent } from '../support/payload-fixtures.ts';
import { testDeps, type TestDeps } from '../support/test-deps.ts';

type Json = Record<string, unknown>;

function setup(now: string, reporting: Json = {}, integrations?: Json[]): TestDeps & { rollups: InMemoryReportRollups } {
  const patch: Json = { sla: { reporting: { timezone: 'UTC', include_details: true, ...reporting } } };
  if (integrations !== undefined) patch['integrations'] = integrations;
  const t = testDeps({ now, config: testConfig(patch) });
  const rollups = new InMemoryReportRollups();
  return { ...t, deps: { ...t.deps, rollups }, rollups };
}

async function post(t: TestDeps, integrationId: string, body: Json) {
  const integration = t.deps.config.integrations.find((i) => i.id === integrationId);
  if (integration === undefined) throw new Error(`no integration ${integrationId}`);
  return ingestEvents(t.deps, integration, parseIntake(integration.format, body, { generatedDedupKey: 'generated' }));
}

/** A critical Alertmanager alert (acknowledge within 5 minutes) firing or resolved now. */
function critical(fingerprint: string, status: 'firing' | 'resolved' = 'firing', labels: Json = {}) {
  return amGroup([amAlert({ fingerprint, status, startsAt: '2026-11-30T00:00:00Z', labels: { alertname: `Alert ${fingerprint}`, severity: 'critical', ...labels } })]);
}

async function acknowledge(t: TestDeps, alertId: string | null, by = 'alice@example.test') {
  await recordResponse(t.deps, { alertId: alertId as string, type: 'acknowledgment', by, note: null, via: 'api' });
}

function priority(report: PeriodReport, name: 'critical' | 'high' | 'medium' | 'low') {
  return report.priorities.find((p) => p.priority === name) as PeriodReport['priorities'][number];
}

describe('the four outcomes of the acknowledgment clock', () => {
  it('counts met, missed, breached and still open, and pending apart; compliance is 1 of 3', async () => {
    const t = setup('2026-11-30T09:00:00Z');
    const [met] = await post(t, 'am', critical('met'));
    const [missed] = await post(t, 'am', critical('missed'));
    await post(t, 'am', critical('breached'));
    t.clock.advance(2 * MINUTE_MS);
    await acknowledge(t, met?.alertId ?? null);
    t.clock.advance(5 * MINUTE_MS); // 09:07: past the 09:05 deadline
    await acknowledge(t, missed?.alertId ?? null);
    await post(t, 'am', critical('pending')); // deadline 09:12
    t.clock.set('2026-11-30T09:10:00Z');

    const report = await buildReport(t.deps, { interval: 'daily', label: '2026-11-30' });
    expect(priority(report, 'critical').acknowledgment).toEqual({ met: 1, missed: 1, breached_open: 1, pending: 1, closed_by_source: 0, compliance: 1 / 3 });
    expect(priority(report, 'critical').budget).toBe('over_budget');
    const text = renderReportText(report);
    expect(text).toContain('Acknowledged within SLA: 33% (1 met, 1 missed, 1 breached and still open, 1 pending)');
    expect(text).not.toContain('100%');
  });
});

describe('the backlog', () => {
  it('shows a breach opened on day one in the reports of days two and three until it is resolved', async () => {
    const t = setup('2026-11-30T10:00:00Z');
    const [old] = await post(t, 'am', critical('old'));
    t.clock.set('2026-12-01T10:00:00Z');
    const [secondDay] = await post(t, 'am', critical('second-day', 'firing'));
    await recordResponse(t.deps, { alertId: secondDay?.alertId as string, type: 'resolution', by: 'bob', note: null, via: 'api' });

    t.clock.set('2026-12-02T08:00:00Z');
    const dayTwo = await buildReport(t.deps, { interval: 'daily', label: '2026-12-01' });
    expect(dayTwo.totals.opened).toBe(1);
    expect(dayTwo.backlog.total).toEqual({ open: 1, breached: 1, atRisk: 0 });
    expect(dayTwo.backlog.items[0]).toMatchObject({ id: old?.alertId, state: 'breached', breachedClocks: ['acknowledgment', 'resolution'] });

    t.clock.set('2026-12-03T08:00:00Z');
    const dayThree = await buildReport(t.deps, { interval: 'daily', label: '2026-12-02' });
    expect(dayThree.totals.opened).toBe(0);
    expect(dayThree.backlog.items.map((i) => i.id)).toEqual([old?.alertId]);
    expect(renderReportText(dayThree)).toMatch(/STILL OPEN \(1, oldest first[^\n]*\n {2}Critical 1 open \(1 breached, 0 at risk\)\n- \[BREACHED\] \[critical\] 5xx rate above 5%, opened Mon 30 Nov 2026, 10:00 UTC; open\. https:\/\/sla\.example\.test\/alerts\/a/);

    await recordResponse(t.deps, { alertId: old?.alertId as string, type: 'resolution', by: 'carol', note: null, via: 'api' });
    t.clock.set('2026-12-04T08:00:00Z');
    expect((await buildReport(t.deps, { interval: 'daily', label: '2026-12-03' })).backlog.total.open).toBe(0);
  });
});

describe('alerts their source resolved', () => {
  it('before the deadline: closed by source, not met, not in MTTA, listed as never acknowledged', async () => {
    const t = setup('2026-11-30T09:00:00Z');
    const [fired] = await post(t, 'am', critical('flap'));
    t.clock.advance(2 * MINUTE_MS);
    await post(t, 'am', critical('flap', 'resolved'));
    t.clock.set('2026-11-30T12:00:00Z');

    const report = await buildReport(t.deps, { interval: 'daily', label: '2026-11-30' });
    const c = priority(report, 'critical');
    expect(c.acknowledgment).toMatchObject({ met: 0, closed_by_source: 1, compliance: null });
    expect(c.mtta.wall).toBeNull();
    expect(c.resolvedBySourceUnacknowledged).toBe(1);
    expect(c.resolution).toMatchObject({ met: 1 });
    expect(renderReportText(report)).toContain('Time to acknowledge (people): none answered');
    const alert = await t.store.get(fired?.alertId as string);
    const view = alertView(alert as NonNullable<typeof alert>, t.clock.now());
    expect(view.sla.acknowledgment).toMatchObject({ state: 'closed_by_source', outcome: 'closed_by_source', answeredBy: 'source' });
    expect(view.responses[0]).toMatchObject({ type: 'resolution', by: 'alertmanager', actor: 'source' });
  });

  it('after the deadline with no person answering: missed', async () => {
    const t = setup('2026-11-30T09:00:00Z');
    await post(t, 'am', critical('late'));
    t.clock.advance(10 * MINUTE_MS);
    await post(t, 'am', critical('late', 'resolved'));
    const report = await buildReport(t.deps, { interval: 'daily', label: '2026-11-30' });
    expect(priority(report, 'critical').acknowledgment).toMatchObject({ met: 0, missed: 1, closed_by_source: 0, compliance: 0 });
    expect(priority(report, 'critical').mtta.wall).toBeNull();
    expect(priority(report, 'critical').resolvedBySourceUnacknowledged).toBe(1);
  });

  it("counts a PagerDuty acknowledge as a person's, unless the integration says its acknowledgments are not", async () => {
    const pd = { id: 'pd', format: 'pagerduty', secrets: ['0123456789abcdef0123456789abcdef'] };
    for (const [sourceAcknowledgments, expected] of [
      [undefined, { met: 1, closed_by_source: 0 }],
      [false, { met: 0, closed_by_source: 1 }],
    ] as const) {
      const t = setup('2026-11-30T09:00:00Z', {}, [{ ...pd, ...(sourceAcknowledgments === undefined ? {} : { source_acknowledgments: sourceAcknowledgments }) }]);
      await post(t, 'pd', pdEvent({ dedup_key: 'db', payload: { summary: 'DB down', source: 'db1', severity: 'critical' } }));
      t.clock.advance(MINUTE_MS);
      await post(t, 'pd', pdAction('acknowledge', 'db'));
      const report = await buildReport(t.deps, { interval: 'daily', label: '2026-11-30' });
      expect(priority(report, 'critical').acknowledgment).toMatchObject(expected);
    }
  });
});

describe('test notifications', () => {
  it("answers Grafana's test notification and a generic test with outcome test, stores nothing and mails nobody", async () => {
    const t = setup('2026-11-30T09:00:00Z');
    const grafanaTest = grafanaGroup(
      [grafanaAlert({ labels: { alertname: 'TestAlert', instance: 'Grafana' }, annotations: { summary: 'Notification test', __value_string__: "[ metric='foo' labels={instance=bar} value=10 ]" } })],
      '',
    );
    expect(await post(t, 'grafana', grafanaTest)).toEqual([expect.objectContaining({ outcome: 'test', alertId: null })]);
    expect(await post(t, 'generic', genericEvent({ id: 'connection-check', test: true, title: undefined }))).toEqual([expect.objectContaining({ outcome: 'test', alertId: null })]);
    expect(t.store.all()).toEqual([]);
    expect(t.sender.sent).toEqual([]);
    expect(t.logger.matching('test notification received')).toHaveLength(2);
    expect((await buildReport(t.deps, { interval: 'daily', label: '2026-11-30' })).totals.opened).toBe(0);
  });
});

describe('group_by', () => {
  it('adds a row per team: alerts, compliance, breaches and MTTA', async () => {
    const t = setup('2026-11-30T09:00:00Z', { group_by: 'team' });
    const [a] = await post(t, 'am', critical('pay-1', 'firing', { team: 'payments' }));
    await post(t, 'am', critical('pay-2', 'firing', { team: 'payments' }));
    await post(t, 'am', critical('search-1', 'firing', { team: 'search' }));
    await post(t, 'am', critical('nobody', 'firing'));
    t.clock.advance(3 * MINUTE_MS);
    await acknowledge(t, a?.alertId ?? null);
    t.clock.set('2026-11-30T12:00:00Z');
    const report = await buildReport(t.deps, { interval: 'daily', label: '2026-11-30' });
    expect(report.groups?.label).toBe('team');
    expect(report.groups?.rows.map((r) => [r.group, r.alerts, r.breaches, r.acknowledgment.compliance, r.mtta?.medianMs ?? null])).toEqual([
      ['payments', 2, 2, 0.5, 3 * MINUTE_MS],
      ['search', 1, 1, 0, null],
      [null, 1, 1, 0, null], // without the label
    ]);
    expect(renderReportText(report)).toContain('  payments: 2 alerts, acknowledged 50%, resolved 0%, 2 breached, MTTA median 3m, p90 3m (1 answered)');
  });
});

describe('the weekly report across a DST change in the report zone', () => {
  it('covers Monday to Sunday in New York, a 169-hour week, with a point per local day', async () => {
    const t = setup('2026-10-26T14:00:00Z', { timezone: 'America/New_York' });
    // Monday 26 October 10:00 EDT, and Sunday 1 November 23:30 EST (after the fall-back).
    await post(t, 'am', critical('monday'));
    t.clock.set('2026-11-02T04:30:00Z');
    await post(t, 'am', critical('sunday-night'));
    // Monday 2 November 00:30 EST: next week.
    t.clock.set('2026-11-02T05:30:00Z');
    await post(t, 'am', critical('next-week'));
    t.clock.set('2026-11-09T13:00:00Z');

    const week = await buildReport(t.deps, { interval: 'weekly', label: '2026-W44' });
    expect(week).toMatchObject({ label: '2026-W44', days: 7, fromAt: Date.parse('2026-10-26T04:00:00Z'), toAt: Date.parse('2026-11-02T05:00:00Z') });
    expect(week.trend?.map((d) => [d.date, d.opened])).toEqual([
      ['2026-10-26', 1],
      ['2026-10-27', 0],
      ['2026-10-28', 0],
      ['2026-10-29', 0],
      ['2026-10-30', 0],
      ['2026-10-31', 0],
      ['2026-11-01', 1],
    ]);
    expect(week.totals.opened).toBe(2);
    expect(renderReportText(week)).toContain('(169 hours: the clocks changed) (America/New_York)');
    // The next week holds the third alert, and compares with this one.
    const next = await buildReport(t.deps, { interval: 'weekly', label: '2026-W45' });
    expect(next.totals.opened).toBe(1);
    expect(next.previous?.priorities.find((p) => p.priority === 'critical')?.breaches).toBe(2);
    expect(renderReportText(next)).toContain('Against 2026-W44: acknowledged = 0 pts, resolved = 0 pts, breaches ▼ 1');
    // Finished days were kept as rollups: building the week again rebuilds only the two days
    // whose alerts are still open (their figures can still change), and reuses the rest.
    const puts = t.rollups.puts;
    await buildReport(t.deps, { interval: 'weekly', label: '2026-W44' });
    expect(t.rollups.puts).toBe(puts + 2);
  });
});
