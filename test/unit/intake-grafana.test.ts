import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { parseGrafana } from '../../shared/intake/formats/grafana.ts';
import { grafanaAlert, grafanaGroup } from '../support/payload-fixtures.ts';

describe('Grafana unified alerting webhook', () => {
  it('reads a firing alert with its Grafana links, skipping empty ones', () => {
    const [event] = parseGrafana(grafanaGroup());
    expect(event).toMatchObject({
      action: 'trigger',
      dedupKey: 'c6eadffa33fcdf37@2026-03-02T08:57:03.157Z',
      reopenAfterResolve: false,
      title: 'Memory above 90% in us-1',
      sourceName: 'High memory usage',
      severity: null,
      by: 'grafana',
    });
    expect(event?.links).toEqual([
      { href: 'https://grafana.example.com/alerting/1afz29v7z/edit', text: 'Source' },
      { href: 'https://grafana.example.com/d/abc', text: 'Dashboard' },
      { href: 'https://grafana.example.com/alerting/silence/new?matchers=alertname%3DT2', text: 'Silence' },
    ]);
  });

  it("links the alert's panel when Grafana sends one", () => {
    const [event] = parseGrafana(grafanaGroup([grafanaAlert({ extra: { panelURL: 'https://grafana.example.com/d/abc?viewPanel=4' } })]));
    expect(event?.links).toContainEqual({ href: 'https://grafana.example.com/d/abc?viewPanel=4', text: 'Panel' });
  });

  it('reads a mixed group of firing and resolved alerts', () => {
    const events = parseGrafana(grafanaGroup([grafanaAlert(), grafanaAlert({ status: 'resolved', fingerprint: 'bc97ff14869b13e3', labels: { alertname: 'High CPU usage', severity: 'warning' } })]));
    expect(events.map((e) => [e.action, e.sourceName, e.severity])).toEqual([
      ['trigger', 'High memory usage', null],
      ['resolve', 'High CPU usage', 'warning'],
    ]);
  });

  it("reads the Test button's synthetic alert (Grafana's fixed test labels) as a test, not an alert", () => {
    const test = grafanaGroup(
      [grafanaAlert({ labels: { alertname: 'TestAlert', instance: 'Grafana' }, annotations: { summary: 'Notification test', __value_string__: "[ metric='foo' labels={instance=bar} value=10 ]" } })],
      '',
    );
    const [event] = parseGrafana(test);
    expect(event).toMatchObject({ action: 'test', title: 'Notification test' });
    // Custom labels from the test dialog are merged over the defaults: still a test.
    const custom = grafanaGroup([grafanaAlert({ labels: { alertname: 'TestAlert', instance: 'Grafana', team: 'payments' } })], '');
    expect(parseGrafana(custom)[0]?.action).toBe('test');
    // A real alert of the same name from another instance is an alert.
    const real = grafanaGroup([grafanaAlert({ labels: { alertname: 'TestAlert', instance: 'db1:9100' } })]);
    expect(parseGrafana(real)[0]?.action).toBe('trigger');
  });

  it('lists every problem with its path', () => {
    const body = grafanaGroup([{ ...grafanaAlert(), status: undefined, fingerprint: '' }]);
    expect(() => parseGrafana(body)).toThrow(UnprocessableError);
    try {
      parseGrafana(body);
    } catch (error) {
      expect((error as UnprocessableError).details).toEqual(['alerts[0].status: required', 'alerts[0].fingerprint: required']);
    }
  });
});
