import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { parseAlertmanager } from '../../shared/intake/formats/alertmanager.ts';
import { amAlert, amGroup } from '../support/payload-fixtures.ts';

function problemsOf(body: unknown): readonly string[] {
  try {
    parseAlertmanager(body);
  } catch (error) {
    if (error instanceof UnprocessableError) return error.details;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('Alertmanager webhook v4', () => {
  it('turns a firing alert into a trigger keyed by fingerprint@startsAt', () => {
    const [event, ...rest] = parseAlertmanager(amGroup([amAlert()]));
    expect(rest).toEqual([]);
    expect(event).toEqual({
      action: 'trigger',
      dedupKey: 'a368be53ef7f847c@2026-03-02T08:58:00.000Z',
      reopenAfterResolve: false,
      title: '5xx rate above 5%',
      description: 'checkout answers 5xx',
      sourceName: 'HighErrorRate',
      severity: 'critical',
      priority: null,
      labels: { alertname: 'HighErrorRate', instance: 'api-1', service: 'checkout', severity: 'critical' },
      annotations: { summary: '5xx rate above 5%', description: 'checkout answers 5xx', runbook_url: 'https://runbooks.example.com/high-error-rate' },
      links: [
        { href: 'http://prometheus.local/graph?g0.expr=rate', text: 'Source' },
        { href: 'https://runbooks.example.com/high-error-rate', text: 'Runbook' },
      ],
      sourceStartedAt: Date.UTC(2026, 2, 2, 8, 58),
      by: 'alertmanager',
    });
  });

  it('gives a repeat of the same alert the same key, even when startsAt is written in another zone', () => {
    const first = parseAlertmanager(amGroup([amAlert({ startsAt: '2026-03-02T08:58:00Z' })]));
    const repeat = parseAlertmanager(amGroup([amAlert({ startsAt: '2026-03-02T09:58:00.000000000+01:00' })]));
    expect(repeat[0]?.dedupKey).toBe(first[0]?.dedupKey);
  });

  it('turns a resolved alert into a resolve of the same key, by alertmanager', () => {
    const [firing] = parseAlertmanager(amGroup([amAlert()]));
    const [resolved] = parseAlertmanager(amGroup([amAlert({ status: 'resolved' })]));
    expect(resolved).toMatchObject({ action: 'resolve', dedupKey: firing?.dedupKey, by: 'alertmanager' });
  });

  it('reads each alert of a mixed group on its own, in order', () => {
    const events = parseAlertmanager(
      amGroup([amAlert({ fingerprint: 'aaa' }), amAlert({ fingerprint: 'bbb', status: 'resolved' }), amAlert({ fingerprint: 'ccc', startsAt: '2026-03-02T08:00:00Z' })]),
    );
    expect(events.map((e) => [e.action, e.dedupKey])).toEqual([
      ['trigger', 'aaa@2026-03-02T08:58:00.000Z'],
      ['resolve', 'bbb@2026-03-02T08:58:00.000Z'],
      ['trigger', 'ccc@2026-03-02T08:00:00.000Z'],
    ]);
  });

  it('falls back to the alert name for a title, and has no severity without the label', () => {
    const [event] = parseAlertmanager(amGroup([amAlert({ labels: { alertname: 'DiskFull' }, annotations: {} })]));
    expect(event).toMatchObject({ title: 'DiskFull', sourceName: 'DiskFull', severity: null, description: null });
  });

  it('accepts an empty group (nothing to do)', () => {
    expect(parseAlertmanager(amGroup([]))).toEqual([]);
  });

  it('lists every missing or invalid field with its path', () => {
    const broken = amGroup([
      amAlert(),
      { ...amAlert(), fingerprint: undefined, startsAt: 'yesterday' },
      { ...amAlert(), status: 'pending', labels: undefined },
    ]);
    expect(problemsOf(broken)).toEqual([
      'alerts[1].fingerprint: required',
      'alerts[1].startsAt: must be a timestamp such as 2026-03-02T09:00:00Z',
      'alerts[2].status: must be one of firing, resolved',
      'alerts[2].labels: required',
    ]);
  });

  it('refuses a body that is not a group', () => {
    expect(problemsOf([amAlert()])).toEqual(['body: must be an object']);
    expect(problemsOf({ receiver: 'x' })).toEqual(['alerts: required']);
    expect(problemsOf({ alerts: [null, 'x'] })).toEqual(['alerts[0]: required', 'alerts[1]: must be an object']);
  });

  it('refuses label values that are not text', () => {
    expect(problemsOf(amGroup([amAlert({ labels: { alertname: 'X', nested: { a: 1 } as unknown as string } })]))).toEqual(['alerts[0].labels.nested: must be a string']);
  });

  it('clips a huge description instead of refusing the alert, and drops links that are not http(s)', () => {
    const [event] = parseAlertmanager(
      amGroup([amAlert({ annotations: { summary: 'S', description: 'x'.repeat(100_000) }, extra: { generatorURL: 'javascript:alert(1)' } })]),
    );
    expect(event?.description).toHaveLength(8192);
    expect(event?.description?.endsWith('…')).toBe(true);
    expect(event?.links).toEqual([]);
  });
});
