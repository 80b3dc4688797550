/**
 * A report reads each settled alert's report view from the day index alone, an unsettled one's
 * by key (the view alone), and never counts from a view
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
import { BY_DAY_INDEX, LIVE_VIEW_ATTRIBUTE, REPORT_VIEW_ATTRIBUTE } from '../../shared/store/table-definition.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import { countingClient, type CountingClient } from '../support/command-counter.ts';
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

/** The projection of each BatchGetItem sent: which reads took the views alone. */
function projections(counting: CountingClient): (string | undefined)[] {
  const inputs = counting.inputs('BatchGetItem') as { RequestItems: Record<string, { ProjectionExpression?: string }> }[];
  return inputs.map((input) => Object.values(input.RequestItems)[0]?.ProjectionExpression);
}

const VIEWS_ONLY = '#pk, #settled, #live';
const WHOLE = '#pk, #doc';

describe("a day's report views", () => {
  it('of settled alerts come from the day index alone, of the others by key, the views alone, in the state of the latest write', async () => {
    const counting = countingClient(dynalite.endpoint);
    const store = new DynamoAlertStore({ client: counting.client, tableName: await dynalite.createTable(), reportGroupBy: 'team' });
    const alerts = dayAlerts();
    for (const alert of alerts) await store.create(alert);
    for (const i of [0, 3]) {
      const alert = alerts[i] as Alert;
      const resolved: Alert = { ...alert, version: 2, status: 'resolved', acknowledgedAt: alert.createdAt + MINUTE_MS, resolvedAt: alert.createdAt + 9 * MINUTE_MS };
      await store.update(resolved, 1);
      alerts[i] = resolved;
    }

    const views = await viewsOfDay(store, 'team');
    expect(views).toEqual(alerts.map((alert) => reportViewOf(alert, 'team')));
    expect(views[0]?.settled?.resolution.state).toBe('met');
    expect(counting.batchSizes('BatchGetItem')).toEqual([3]);
    expect(projections(counting)).toEqual([VIEWS_ONLY]);
  });

  it('are made from the alert, read whole, where the stored one was grouped by another label', async () => {
    const counting = countingClient(dynalite.endpoint);
    const tableName = await dynalite.createTable();
    const writer = new DynamoAlertStore({ client: counting.client, tableName, reportGroupBy: 'team' });
    const alerts = dayAlerts();
    for (const alert of alerts) await writer.create(alert);

    const views = await viewsOfDay(writer, 'service');
    expect(views.map((view) => view.group)).toEqual(alerts.map((_, i) => ({ by: 'service', value: `svc-${i}` })));
    expect(counting.batchSizes('BatchGetItem')).toEqual([5, 5]);
    expect(projections(counting)).toEqual([VIEWS_ONLY, WHOLE]);
    expect(await viewsOfDay(writer, null)).toEqual(alerts.map((alert) => reportViewOf(alert, null)));
  });

  it('are made from the alert where an item has none (written before views existed) or one that cannot be read', async () => {
    const counting = countingClient(dynalite.endpoint);
    const tableName = await dynalite.createTable();
    const store = new DynamoAlertStore({ client: counting.client, tableName, reportGroupBy: 'team' });
    const [older, broken, current] = dayAlerts();
    const withoutView = toAlertItem(older as Alert, undefined, undefined, 'team');
    delete withoutView[LIVE_VIEW_ATTRIBUTE];
    await counting.client.send(new PutItemCommand({ TableName: tableName, Item: withoutView }));
    const unreadable = { ...toAlertItem(broken as Alert, undefined, undefined, 'team'), [LIVE_VIEW_ATTRIBUTE]: { S: '{"v":1,' } };
    await counting.client.send(new PutItemCommand({ TableName: tableName, Item: unreadable }));
    const ofAnotherVersion = { ...toAlertItem(current as Alert, undefined, undefined, 'team') };
    ofAnotherVersion[LIVE_VIEW_ATTRIBUTE] = { S: JSON.stringify({ ...reportViewOf(current as Alert, 'team'), v: 0, title: 'stale' }) };
    await counting.client.send(new PutItemCommand({ TableName: tableName, Item: ofAnotherVersion }));

    const views = await viewsOfDay(store, 'team');
    expect(views).toEqual([older, broken, current].map((alert) => reportViewOf(alert as Alert, 'team')));
    expect(counting.batchSizes('BatchGetItem')).toEqual([3, 3]);
  });

  it('are read by key in batches of the size the store was given', async () => {
    const counting = countingClient(dynalite.endpoint);
    const store = new DynamoAlertStore({ client: counting.client, tableName: await dynalite.createTable(), reportGroupBy: 'team', listBatchKeys: 2 });
    const alerts = dayAlerts();
    for (const alert of alerts) await store.create(alert);
    expect(await viewsOfDay(store, 'team')).toEqual(alerts.map((alert) => reportViewOf(alert, 'team')));
    expect(counting.batchSizes('BatchGetItem')).toEqual([2, 2, 1]);
  });

  it('keep a settled view where the day index copies it, and a live one on the item only', () => {
    const [open] = dayAlerts();
    const live = toAlertItem(open as Alert);
    expect(Object.keys(live)).toContain(LIVE_VIEW_ATTRIBUTE);
    expect(Object.keys(live)).not.toContain(REPORT_VIEW_ATTRIBUTE);
    const resolved: Alert = { ...(open as Alert), status: 'resolved', acknowledgedAt: DAY + MINUTE_MS, resolvedAt: DAY + 2 * MINUTE_MS };
    const settled = toAlertItem(resolved);
    expect(Object.keys(settled)).toContain(REPORT_VIEW_ATTRIBUTE);
    expect(Object.keys(settled)).not.toContain(LIVE_VIEW_ATTRIBUTE);
    expect(BY_DAY_INDEX.projection).toEqual({ include: [REPORT_VIEW_ATTRIBUTE] });
  });
});
