/**
 * A report reads each alert's report view from the day index alone, and never counts from a view
 * that does not stand for the alert as the report would see it: one made grouping by another
 * label (the setting changed), one written before views existed, or one that cannot be read are
 * replaced by a view made from the alert read whole.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAlertItem } from '../../shared/adapters/dynamo/alert-item.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import { reportViewOf, type ReportView } from '../../shared/domain/report/report-view.ts';
import { REPORT_VIEW_ATTRIBUTE } from '../../shared/store/table-definition.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import { countingClient } from '../support/command-counter.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';

const DAY = Date.UTC(2026, 10, 30);

let dynalite: Dynalite;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

function dayAlerts(): Alert[] {
  return Array.from({ length: 5 }, (_, i) =>
    makeAlert({ dedupKey: `views-${i}`, createdAt: DAY + i * HOUR_MS, labels: { team: i < 3 ? 'payments' : 'search', service: `svc-${i}` } }),
  );
}

async function viewsOfDay(store: DynamoAlertStore, groupBy: string | null): Promise<ReportView[]> {
  const views: ReportView[] = [];
  for await (const page of store.listReportViews(DAY, DAY + 24 * HOUR_MS, 500, groupBy)) views.push(...page);
  return views;
}

describe("a day's report views", () => {
  it('come from the day index alone, in the state of the latest write', async () => {
    const counting = countingClient(dynalite.endpoint);
    const store = new DynamoAlertStore({ client: counting.client, tableName: await dynalite.createTable(), reportGroupBy: 'team' });
    const alerts = dayAlerts();
    for (const alert of alerts) await store.create(alert);
    const first = alerts[0] as Alert;
    const resolved: Alert = { ...first, version: 2, status: 'resolved', acknowledgedAt: first.createdAt + MINUTE_MS, resolvedAt: first.createdAt + 9 * MINUTE_MS };
    await store.update(resolved, 1);
    alerts[0] = resolved;

    const views = await viewsOfDay(store, 'team');
    expect(views).toEqual(alerts.map((alert) => reportViewOf(alert, 'team')));
    expect(views[0]?.settled?.resolution.state).toBe('met');
    expect(counting.calls('BatchGetItem')).toBe(0);
  });

  it('are made from the alert, read whole, where the stored one was grouped by another label', async () => {
    const counting = countingClient(dynalite.endpoint);
    const tableName = await dynalite.createTable();
    const writer = new DynamoAlertStore({ client: counting.client, tableName, reportGroupBy: 'team' });
    const alerts = dayAlerts();
    for (const alert of alerts) await writer.create(alert);

    const views = await viewsOfDay(writer, 'service');
    expect(views.map((view) => view.group)).toEqual(alerts.map((_, i) => ({ by: 'service', value: `svc-${i}` })));
    expect(counting.batchSizes('BatchGetItem')).toEqual([5]);
    expect(await viewsOfDay(writer, null)).toEqual(alerts.map((alert) => reportViewOf(alert, null)));
  });

  it('are made from the alert where an item has none (written before views existed) or one that cannot be read', async () => {
    const counting = countingClient(dynalite.endpoint);
    const tableName = await dynalite.createTable();
    const store = new DynamoAlertStore({ client: counting.client, tableName, reportGroupBy: 'team' });
    const [older, broken, current] = dayAlerts();
    const withoutView = toAlertItem(older as Alert, undefined, undefined, 'team');
    delete withoutView[REPORT_VIEW_ATTRIBUTE];
    await counting.client.send(new PutItemCommand({ TableName: tableName, Item: withoutView }));
    const unreadable = { ...toAlertItem(broken as Alert, undefined, undefined, 'team'), [REPORT_VIEW_ATTRIBUTE]: { S: '{"v":1,' } };
    await counting.client.send(new PutItemCommand({ TableName: tableName, Item: unreadable }));
    const ofAnotherVersion = { ...toAlertItem(current as Alert, undefined, undefined, 'team') };
    ofAnotherVersion[REPORT_VIEW_ATTRIBUTE] = { S: JSON.stringify({ ...reportViewOf(current as Alert, 'team'), v: 0, title: 'stale' }) };
    await counting.client.send(new PutItemCommand({ TableName: tableName, Item: ofAnotherVersion }));

    const views = await viewsOfDay(store, 'team');
    expect(views).toEqual([older, broken, current].map((alert) => reportViewOf(alert as Alert, 'team')));
    expect(counting.batchSizes('BatchGetItem')).toEqual([3]);
  });
});
