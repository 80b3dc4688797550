/**
 * PagerDuty `custom_details` as the annotations a person reads: each top-level entry one
 * annotation, and a value too long to keep cut visibly (ending with `…`), wherever the cut falls.
 */
import { describe, expect, it } from 'vitest';
import { parsePagerDuty } from '../../shared/intake/formats/pagerduty.ts';
import { INTAKE_LIMITS } from '../../shared/intake/intake-limits.ts';
import { pdEvent } from '../support/payload-fixtures.ts';

const details = (custom_details: unknown) => parsePagerDuty(pdEvent({ payload: { ...(pdEvent()['payload'] as object), custom_details } }), 'generated')[0];

describe('PagerDuty custom_details', () => {
  it('marks a nested value cut exactly where a part of it ends', () => {
    // {"a":" + 1017 characters + " is exactly the 1,024 kept; ,"b":1} did not fit.
    const event = details({ nested: { a: 'x'.repeat(INTAKE_LIMITS.mapValueLength - 7), b: 1 } });
    const nested = event?.annotations['nested'] ?? '';
    expect(nested).toHaveLength(INTAKE_LIMITS.mapValueLength);
    expect(nested.endsWith('…')).toBe(true);
  });

  it('keeps a nested value that fits whole, as compact JSON', () => {
    expect(details({ nested: { a: [1, true, null], b: 'two' } })?.annotations).toEqual({ nested: '{"a":[1,true,null],"b":"two"}' });
  });

  it('takes details written as plain text as the description, with no annotations', () => {
    const event = details('replica db-2 is 42 s behind');
    expect(event?.description).toBe('replica db-2 is 42 s behind');
    expect(event?.annotations).toEqual({});
  });
});
