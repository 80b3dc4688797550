import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { parseGeneric } from '../../shared/intake/formats/generic.ts';
import { MAX_EVENTS_PER_REQUEST, parseIntake } from '../../shared/intake/parse-intake.ts';
import { genericEvent } from '../support/payload-fixtures.ts';

function problemsOf(body: unknown): readonly string[] {
  try {
    parseGeneric(body);
  } catch (error) {
    if (error instanceof UnprocessableError) return error.details;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('generic JSON format', () => {
  it('reads one event, firing by default', () => {
    expect(parseGeneric(genericEvent())).toEqual([
      {
        action: 'trigger',
        dedupKey: 'disk-full-db1',
        reopenAfterResolve: true,
        title: 'Disk almost full on db1',
        description: '/var is 93% full',
        sourceName: 'disk-check',
        severity: 'warning',
        priority: null,
        labels: { host: 'db1' },
        annotations: {},
        links: [{ href: 'https://grafana.example.com/d/disk', text: 'Dashboard' }],
        sourceStartedAt: null,
        by: 'generic',
      },
    ]);
  });

  it('reads an array and { events: [...] }, with statuses and dedup_key', () => {
    const body = [genericEvent({ status: 'acknowledged', by: 'alice' }), { dedup_key: 42, status: 'resolved' }];
    expect(parseGeneric(body).map((e) => [e.action, e.dedupKey, e.by])).toEqual([
      ['acknowledge', 'disk-full-db1', 'alice'],
      ['resolve', '42', 'generic'],
    ]);
    expect(parseGeneric({ events: [genericEvent({ priority: 'critical', started_at: '2026-03-02T08:55:00Z' })] })[0]).toMatchObject({
      priority: 'critical',
      sourceStartedAt: Date.UTC(2026, 2, 2, 8, 55),
    });
  });

  it('needs an id always and a title when firing, and lists each problem with its path', () => {
    expect(problemsOf([{ title: 'x' }, { id: 'a' }, { id: 'b', status: 'resolved' }])).toEqual(['[0].id: required', '[1].title: required']);
    expect(problemsOf({ events: [genericEvent({ status: 'open', priority: 'urgent', links: ['ftp://x'] })] })).toEqual([
      'events[0].status: must be one of firing, acknowledged, resolved',
      'events[0].priority: must be one of critical, high, medium, low',
      'events[0].links[0]: must be an absolute http(s) URL of at most 2048 characters',
    ]);
    expect(problemsOf('hello')).toEqual(['body: must be an event object, an array of events or { "events": [...] }']);
  });

  it('reads null as not set, and a blank required title as missing', () => {
    const [event] = parseGeneric(genericEvent({ description: null, links: null, labels: null, started_at: null }));
    expect(event).toMatchObject({ description: null, links: [], labels: {}, sourceStartedAt: null });
    expect(problemsOf(genericEvent({ title: '   ' }))).toEqual(['title: required']);
  });

  it('takes an id of up to 255 characters, and says so past it, in a 422 naming the format', () => {
    expect(parseGeneric(genericEvent({ id: 'k'.repeat(255) }))[0]?.dedupKey).toHaveLength(255);
    let error: unknown;
    try {
      parseGeneric(genericEvent({ id: 'k'.repeat(256) }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error).toMatchObject({ message: 'invalid generic webhook body', details: ['id: must be at most 255 characters'] });
  });

  it('names each field of the wrong type by its path', () => {
    const wrong = genericEvent({ test: 'yes', severity: 1, description: ['x'], source: {}, by: 2, labels: 'team=db', started_at: 'soon' });
    expect(problemsOf(wrong)).toEqual([
      'test: must be true or false',
      'severity: must be a string',
      'description: must be a string',
      'source: must be a string',
      'by: must be a string',
      'labels: must be an object',
      'started_at: must be a timestamp such as 2026-03-02T09:00:00Z',
    ]);
  });

  it('takes links as plain URLs or { href, text }, and names a bad one by the part to fix', () => {
    const [event] = parseGeneric(genericEvent({ links: ['https://grafana.example.com/d/disk', { href: 'https://wiki.example.com/disk', text: '  ' }] }));
    expect(event?.links).toEqual([{ href: 'https://grafana.example.com/d/disk' }, { href: 'https://wiki.example.com/disk' }]);
    expect(problemsOf(genericEvent({ links: [42, { href: 'ftp://x', text: 'x' }, { href: 'https://x.example.com', text: 5 }] }))).toEqual([
      'links[0]: must be an object',
      'links[1].href: must be an absolute http(s) URL of at most 2048 characters',
      'links[2].text: must be a string',
    ]);
  });

  it('says what raised an event without a source, and gives a resolution without a title none', () => {
    const [event] = parseGeneric({ id: 'disk-full-db1', title: 'Disk almost full on db1' });
    expect(event?.sourceName).toBe('generic');
    expect(parseGeneric({ id: 'disk-full-db1', status: 'resolved' })[0]?.title).toBe('');
  });

  it('keeps who acted to one clean line: no header injection, no bidi overrides', () => {
    const [event] = parseGeneric(genericEvent({ status: 'resolved', by: 'eve\r\nBcc: x@y.z\u202e' }));
    expect(event?.by).toBe('eve Bcc: x@y.z');
  });

  it('refuses more events in one request than it will store and mail', () => {
    const body = Array.from({ length: MAX_EVENTS_PER_REQUEST + 1 }, (_, i) => genericEvent({ id: `e${i}` }));
    expect(() => parseIntake('generic', body, { generatedDedupKey: 'unused' })).toThrow(
      new UnprocessableError('too many events in one request', [`body: at most ${MAX_EVENTS_PER_REQUEST} events per request, got ${MAX_EVENTS_PER_REQUEST + 1}`]),
    );
    expect(() => parseIntake('generic', body, { generatedDedupKey: 'unused' })).toThrow(expect.objectContaining({ details: [`body: at most 1000 events per request, got 1001`] }));
    expect(parseIntake('generic', body.slice(1), { generatedDedupKey: 'unused' })).toHaveLength(MAX_EVENTS_PER_REQUEST);
  });
});
