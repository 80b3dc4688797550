/**
 * Alertmanager bodies at the edges of what the intake accepts: fields that senders leave blank,
 * null or typed as numbers, identities at their length limit or holding control characters, and
 * the 422 a sender reads when something must be fixed.
 */
import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { parseAlertmanager } from '../../shared/intake/formats/alertmanager.ts';
import { amAlert, amGroup } from '../support/payload-fixtures.ts';

function refusal(body: unknown): UnprocessableError {
  try {
    parseAlertmanager(body);
  } catch (error) {
    if (error instanceof UnprocessableError) return error;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('Alertmanager webhook edges', () => {
  it('takes numbers and booleans in labels as their text, and drops a null label', () => {
    const labels = { alertname: 'QueueDepth', port: 8080, canary: true, team: null } as unknown as Record<string, string>;
    const [event] = parseAlertmanager(amGroup([amAlert({ labels })]));
    expect(event?.labels).toEqual({ alertname: 'QueueDepth', port: '8080', canary: 'true' });
  });

  it('reads a blank summary as none: the title falls back to the alert name, then to the fingerprint', () => {
    const [named] = parseAlertmanager(amGroup([amAlert({ labels: { alertname: 'DiskFull' }, annotations: { summary: '   ' } })]));
    expect(named?.title).toBe('DiskFull');
    const [unnamed] = parseAlertmanager(amGroup([amAlert({ labels: { severity: 'warning' }, annotations: {}, fingerprint: 'f00d' })]));
    expect(unnamed).toMatchObject({ title: 'alert f00d', sourceName: 'alertmanager' });
  });

  it('needs startsAt: an alert without it is refused, not dropped', () => {
    const error = refusal(amGroup([amAlert(), { ...amAlert(), startsAt: undefined }]));
    expect(error.message).toBe('invalid alertmanager webhook body');
    expect(error.details).toEqual(['alerts[1].startsAt: required']);
  });

  it('keeps a fingerprint within room for the key: 223 characters pass, 224 do not', () => {
    expect(parseAlertmanager(amGroup([amAlert({ fingerprint: 'f'.repeat(223) })]))).toHaveLength(1);
    expect(refusal(amGroup([amAlert({ fingerprint: 'f'.repeat(224) })])).details).toEqual(['alerts[0].fingerprint: must be at most 223 characters']);
  });

  it('refuses a fingerprint with control characters rather than cleaning it into another alert', () => {
    expect(refusal(amGroup([amAlert({ fingerprint: 'a368\u0000be53' })])).details).toEqual([
      'alerts[0].fingerprint: must be text without control characters or lone surrogates',
    ]);
  });

  it('names the annotation that is not text by its path', () => {
    const annotations = { summary: { text: 'nested' } } as unknown as Record<string, string>;
    expect(refusal(amGroup([amAlert({ annotations })])).details).toEqual(['alerts[0].annotations.summary: must be a string']);
  });
});
