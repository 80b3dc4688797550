import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { INTAKE_LIMITS } from '../../shared/intake/intake-limits.ts';
import { parseIntake } from '../../shared/intake/parse-intake.ts';
import type { IntegrationFormat } from '../../shared/domain/alert/alert.ts';
import { amAlert, amGroup, genericEvent, kumaNotice, pdEvent } from '../support/payload-fixtures.ts';

const CONTEXT = { generatedDedupKey: 'generated-key' };

function refusal(format: IntegrationFormat, body: unknown): readonly string[] {
  try {
    parseIntake(format, body, CONTEXT);
  } catch (error) {
    if (error instanceof UnprocessableError) return error.details;
    throw error;
  }
  throw new Error('expected the webhook to be refused with a 422');
}

describe('what an alert keeps of a crowded webhook', () => {
  it(`keeps the first ${INTAKE_LIMITS.mapEntries} labels of an alert that has more`, () => {
    const labels = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`label${String(i).padStart(2, '0')}`, `value ${i}`]));
    const [event] = parseIntake('alertmanager', amGroup([amAlert({ labels })]), CONTEXT);
    expect(Object.keys(event?.labels ?? {})).toEqual(Object.keys(labels).slice(0, 64));
    expect(event?.labels['label63']).toBe('value 63');
  });

  it(`keeps the first ${INTAKE_LIMITS.links} links of an event that has more`, () => {
    const links = Array.from({ length: 25 }, (_, i) => ({ href: `https://runbooks.example.com/${i}`, text: `step ${i}` }));
    const [event] = parseIntake('generic', genericEvent({ links }), CONTEXT);
    expect(event?.links.map((l) => l.text)).toEqual(links.slice(0, 20).map((l) => l.text));
  });

  it('keeps no empty link when a PagerDuty event has no client_url and no links', () => {
    const [event] = parseIntake('pagerduty', pdEvent({ client_url: undefined, links: undefined }), CONTEXT);
    expect(event?.links).toEqual([]);
  });

  it('keeps no empty link when an Uptime Kuma monitor has no URL (a ping or DNS check)', () => {
    const body = kumaNotice() as { monitor: Record<string, unknown> };
    const [event] = parseIntake('uptime-kuma', { ...body, monitor: { ...body.monitor, url: null, type: 'ping' } }, CONTEXT);
    expect(event?.links).toEqual([]);
  });
});

describe('a webhook with a field of the wrong type is refused with a 422 naming it', () => {
  it.each([
    ['alerts that is an object', 'alertmanager', { ...amGroup(), alerts: { 0: amAlert() } }, ['alerts: must be an array']],
    ['an alert that is a string', 'alertmanager', amGroup(['HighErrorRate'] as never), ['alerts[0]: must be an object']],
    ['a numeric alert status', 'alertmanager', amGroup([amAlert({ extra: { status: 1 } })]), ['alerts[0].status: must be a string']],
    ['labels that are a list', 'alertmanager', amGroup([amAlert({ extra: { labels: ['a', 'b'] } })]), ['alerts[0].labels: must be an object']],
    ['a body that is a list of numbers', 'generic', [1], ['[0]: must be an object']],
    ['links that are one string', 'generic', genericEvent({ links: { href: 'https://x.example.com' } }), ['links: must be an array']],
  ] as const)('%s', (_, format, body, problems) => {
    expect(refusal(format, body)).toEqual(problems);
  });

  it('a body that is not an object at all', () => {
    expect(refusal('alertmanager', 'firing')).toEqual(['body: must be an object']);
  });
});
