import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { parsePagerDuty } from '../../shared/intake/formats/pagerduty.ts';
import { pdAction, pdEvent } from '../support/payload-fixtures.ts';

const GENERATED = '4d3b6a2e-0c7f-4d8e-9a51-1f2b3c4d5e6f';

function problemsOf(body: unknown): readonly string[] {
  try {
    parsePagerDuty(body, GENERATED);
  } catch (error) {
    if (error instanceof UnprocessableError) return error.details;
    throw error;
  }
  throw new Error('expected the event to be refused');
}

describe('PagerDuty Events API v2', () => {
  it('reads a trigger: summary as title, severity, details as annotations, links', () => {
    expect(parsePagerDuty(pdEvent(), GENERATED)).toEqual([
      {
        action: 'trigger',
        dedupKey: 'db-replication-lag',
        reopenAfterResolve: true,
        title: 'Replication lag above 30s on db-2',
        description: null,
        sourceName: 'db-2.example.com',
        severity: 'error',
        priority: null,
        labels: { source: 'db-2.example.com', component: 'postgres', group: 'prod-db', class: 'replication' },
        annotations: { lag_seconds: '42', note: 'primary is fine' },
        links: [
          { href: 'https://grafana.example.com/d/db', text: 'DB dashboard' },
          { href: 'https://nagios.example.com', text: 'Nagios' },
        ],
        sourceStartedAt: Date.UTC(2026, 2, 2, 8, 58),
        by: 'pagerduty:Nagios',
      },
    ]);
  });

  it('refuses a body that is not an event object, saying so', () => {
    expect(() => parsePagerDuty('trigger', GENERATED)).toThrow(/^invalid PagerDuty event$/);
    expect(problemsOf('trigger')).toEqual(['body: must be an object']);
    expect(problemsOf(null)).toEqual(['body: required']);
  });

  it('needs an event_action, and asks for no dedup_key while it does not know the action', () => {
    expect(problemsOf(pdEvent({ event_action: undefined, dedup_key: undefined }))).toEqual(['event_action: required']);
  });

  it('uses the generated key for a trigger without dedup_key', () => {
    const [event] = parsePagerDuty(pdEvent({ dedup_key: undefined }), GENERATED);
    expect(event?.dedupKey).toBe(GENERATED);
  });

  it('reads acknowledge and resolve, by the client', () => {
    expect(parsePagerDuty(pdAction('acknowledge'), GENERATED)[0]).toMatchObject({ action: 'acknowledge', dedupKey: 'db-replication-lag', by: 'pagerduty:Nagios' });
    expect(parsePagerDuty(pdAction('resolve', 'k', { client: undefined }), GENERATED)[0]).toMatchObject({ action: 'resolve', dedupKey: 'k', by: 'pagerduty' });
  });

  it('requires every trigger field, listing them all', () => {
    expect(problemsOf(pdEvent({ payload: { summary: '', severity: 'fatal' } }))).toEqual([
      'payload.summary: required',
      'payload.source: required',
      'payload.severity: must be one of critical, error, warning, info',
    ]);
    expect(problemsOf(pdEvent({ payload: undefined, event_action: 'explode' }))).toEqual([
      'event_action: must be one of trigger, acknowledge, resolve',
      'payload: required',
    ]);
  });

  it('enforces the lengths PagerDuty does', () => {
    expect(problemsOf(pdEvent({ dedup_key: 'k'.repeat(256) }))).toEqual(['dedup_key: must be at most 255 characters']);
    const long = pdEvent();
    expect(problemsOf({ ...long, payload: { ...(long['payload'] as object), summary: 's'.repeat(1025) } })).toEqual(['payload.summary: must be at most 1024 characters']);
  });

  it('refuses a dedup_key with control characters, and a client that is not text', () => {
    expect(problemsOf(pdEvent({ dedup_key: 'db\u0000lag', client: 5 }))).toEqual([
      'dedup_key: must be text without control characters or lone surrogates',
      'client: must be a string',
    ]);
  });

  it('names a mistyped payload field or link by its path, in a 422 naming the format', () => {
    const base = pdEvent();
    const payload = { ...(base['payload'] as object), severity: undefined, timestamp: 'soon', component: 5 };
    expect(() => parsePagerDuty({ ...base, payload }, GENERATED)).toThrow(/^invalid PagerDuty event$/);
    expect(problemsOf({ ...base, payload })).toEqual(['payload.severity: required', 'payload.timestamp: must be a timestamp such as 2026-03-02T09:00:00Z', 'payload.component: must be a string']);
    expect(problemsOf(pdEvent({ links: 'https://x.example.com' }))).toEqual(['links: must be an array']);
    expect(problemsOf(pdEvent({ links: [5, { href: 'https://x.example.com', text: 5 }] }))).toEqual(['links[0]: must be an object', 'links[1].text: must be a string']);
  });

  it('drops a link that is not http(s), and names the client link Source when no client is named', () => {
    const [event] = parsePagerDuty(pdEvent({ links: [{ href: 'ftp://files.example.com' }], client: undefined }), GENERATED);
    expect(event?.links).toEqual([{ href: 'https://nagios.example.com', text: 'Source' }]);
  });

  it('needs a dedup_key to acknowledge or resolve', () => {
    expect(() => parsePagerDuty(pdAction('resolve', ''), GENERATED)).toThrow(/^invalid PagerDuty event$/);
    expect(problemsOf(pdAction('resolve', ''))).toEqual(['dedup_key: required']);
    expect(problemsOf({ event_action: 'acknowledge' })).toEqual(['routing_key: required', 'dedup_key: required']);
  });
});
