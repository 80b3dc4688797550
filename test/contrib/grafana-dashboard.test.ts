/**
 * The Grafana dashboard imports as is: its data source is the `DS_PROMETHEUS` input Grafana
 * asks for at import (no data source of someone else's installation baked in), and every
 * query names only metrics sla-watch exposes (so a renamed metric cannot leave a panel empty).
 * Each query is also run against a real Prometheus in the end-to-end test.
 */
import { describe, expect, it } from 'vitest';
import { METRIC } from '../../shared/metrics/metric-names.ts';
import { dashboard } from '../support/dashboard.ts';

const histogramSeries = [METRIC.timeToAcknowledge, METRIC.timeToResolve].flatMap((name) => [`${name}_bucket`, `${name}_sum`, `${name}_count`]);
const known = new Set<string>([...Object.values(METRIC), ...histogramSeries, 'up']);

describe('the Grafana dashboard', () => {
  it('takes its Prometheus data source as an import input', () => {
    const board = dashboard();
    expect(board.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' })]);
    for (const panel of board.panels) {
      expect(panel.datasource.uid, panel.title).toBe('${DS_PROMETHEUS}');
      for (const target of panel.targets) expect(target.datasource.uid, panel.title).toBe('${DS_PROMETHEUS}');
    }
  });

  it('queries only metrics sla-watch exposes, and shows each of them', () => {
    const board = dashboard();
    const used = new Set<string>();
    for (const panel of board.panels) {
      for (const target of panel.targets) {
        for (const name of target.expr.match(/\b(sla_watch_[a-z_]+|up)\b/g) ?? []) {
          expect(known.has(name), `${panel.title}: ${name}`).toBe(true);
          used.add(name.replace(/_(bucket|sum|count)$/, ''));
        }
      }
    }
    // Everything but the bookkeeping timestamp has a panel.
    expect([...Object.values(METRIC)].filter((name) => !used.has(name))).toEqual([METRIC.computedAt]);
  });
});
