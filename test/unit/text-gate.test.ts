import { describe, expect, it } from 'vitest';
import { cleanText, isCleanText, singleLine } from '../../shared/domain/clean-text.ts';
import { UnprocessableError } from '../../shared/errors.ts';
import { flatDetails, flatText } from '../../shared/intake/flat-details.ts';
import { INTAKE_LIMITS, withinLimits } from '../../shared/intake/intake-limits.ts';
import type { IntakeEvent } from '../../shared/intake/intake-event.ts';
import { checkJsonShape, MAX_JSON_DEPTH, MAX_JSON_VALUES } from '../../shared/intake/json-shape.ts';
import { parseGeneric } from '../../shared/intake/formats/generic.ts';
import { parsePagerDuty } from '../../shared/intake/formats/pagerduty.ts';
import { genericEvent, pdEvent } from '../support/payload-fixtures.ts';

describe('the text gate', () => {
  it.each([
    ['a lone high surrogate', 'hi \ud800', 'hi \ufffd'],
    ['a lone low surrogate, then a reversed pair', '\udc00x\udc00\ud800', '\ufffdx\ufffd\ufffd'],
    ['a real pair, kept', 'ok 🚨', 'ok 🚨'],
    ['NUL, BEL, ESC and DEL', 'a\u0000b\u0007c\u001b[31md\u007f', 'abc[31md'],
    ['CR/LF and lone CR', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['tab and newline, kept', 'a\tb\nc', 'a\tb\nc'],
    ['bidi override', 'invoice\u202Egnp.exe', 'invoicegnp.exe'],
  ])('%s', (_, text, clean) => {
    expect(cleanText(text)).toBe(clean);
    expect(isCleanText(clean)).toBe(true);
  });

  it('makes one line of a name, whatever it held', () => {
    expect(singleLine(' bob\n\u0000 \ud800 ', 50)).toBe('bob \ufffd');
  });

  it('cleans every free-text field of an event before capping it', () => {
    const event: IntakeEvent = {
      action: 'trigger',
      dedupKey: 'k',
      reopenAfterResolve: true,
      title: `\u0000${'t'.repeat(2000)}`,
      description: 'line\r\nnext \udfff',
      sourceName: 'src\u0007',
      severity: 'crit\ud800',
      priority: null,
      labels: { 'ke\u0000y': 'v\ud800' },
      annotations: { summary: 'hi \ud800' },
      links: [],
      sourceStartedAt: null,
      by: 'x\ny',
    };
    const gated = withinLimits(event);
    expect(gated.title).toHaveLength(INTAKE_LIMITS.titleLength);
    expect(gated.title.startsWith('ttt')).toBe(true);
    expect(gated).toMatchObject({ description: 'line\nnext \ufffd', sourceName: 'src', severity: 'crit\ufffd', labels: { key: 'v\ufffd' }, annotations: { summary: 'hi \ufffd' }, by: 'x y' });
  });

  it('refuses, rather than changes, a dedup key holding controls or lone surrogates', () => {
    for (const id of ['disk\ud800', 'disk\u0000']) {
      const error = (() => {
        try {
          parseGeneric(genericEvent({ id }));
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(UnprocessableError);
      expect((error as UnprocessableError).details).toEqual(['id: must be text without control characters or lone surrogates']);
    }
  });
});

describe('custom details as bounded text', () => {
  it('keeps strings as they are and anything else as compact text', () => {
    expect(flatDetails({ lag: 42, note: 'fine', nested: { a: [1, 'x'] }, gone: null }, 64, 1024)).toEqual({ lag: '42', note: 'fine', nested: '{"a":[1,"x"]}', gone: 'null' });
  });

  it('stops at depth 8 and at its character budget, however deep or wide the value', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i += 1) deep = { d: deep };
    expect(flatText(deep, 1024)).toBe(`${'{"d":'.repeat(8)}…${'}'.repeat(8)}`);
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    expect(flatText(wide, 100).length).toBeLessThan(120);
    expect(Object.keys(flatDetails(wide, 64, 1024))).toHaveLength(64);
  });

  it('reach PagerDuty annotations through the gate', () => {
    const [event] = parsePagerDuty(pdEvent({ payload: { ...(pdEvent().payload as object), custom_details: { why: 'bad \ud800', deep: { a: { b: 1 } } } } }), 'generated');
    expect(event?.annotations).toEqual({ why: 'bad \ufffd', deep: '{"a":{"b":1}}' });
  });
});

describe('JSON shape limits, before parsing', () => {
  const nest = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it(`takes ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1}, naming the limit`, () => {
    expect(() => checkJsonShape(nest(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => checkJsonShape(nest(MAX_JSON_DEPTH + 1))).toThrow('JSON nested deeper than 64 levels');
    expect(() => checkJsonShape(`{"a":${'{"d":'.repeat(100_000)}`)).toThrow(UnprocessableError);
  });

  it('does not count brackets, commas or escaped quotes inside strings', () => {
    expect(() => checkJsonShape(JSON.stringify({ text: `${'['.repeat(500)}\\"${','.repeat(MAX_JSON_VALUES + 5)}` }))).not.toThrow();
  });

  it(`refuses more than ${MAX_JSON_VALUES.toLocaleString('en-US')} values`, () => {
    // The body and the array count one value each, and every item after the first one more (its
    // comma): 99,999 items make exactly the limit.
    expect(() => checkJsonShape(JSON.stringify(new Array(MAX_JSON_VALUES - 1).fill(0)))).not.toThrow();
    expect(() => checkJsonShape(JSON.stringify(new Array(MAX_JSON_VALUES).fill(0)))).toThrow(
      new UnprocessableError(`JSON holds more than ${MAX_JSON_VALUES} values`, [`body: at most ${MAX_JSON_VALUES} values (object members and array items) in one body`]),
    );
    expect(() => checkJsonShape(JSON.stringify(new Array(MAX_JSON_VALUES + 1).fill(0)))).toThrow(`JSON holds more than ${MAX_JSON_VALUES} values`);
  });

  it('names the depth limit in the details a sender reads', () => {
    let details: readonly string[] = [];
    try {
      checkJsonShape(nest(MAX_JSON_DEPTH + 1));
    } catch (error) {
      details = (error as UnprocessableError).details;
    }
    expect(details).toEqual([`body: objects and arrays may nest at most ${MAX_JSON_DEPTH} levels deep`]);
  });

  it('counts depth down as containers close: many shallow siblings are not deep', () => {
    const siblings = JSON.stringify({ alerts: Array.from({ length: 200 }, (_, i) => ({ labels: { n: String(i) }, links: [[i]] })) });
    expect(() => checkJsonShape(siblings)).not.toThrow();
  });

  it('counts no values for whitespace, colons or digits between them', () => {
    expect(() => checkJsonShape(`{"a":${' '.repeat(MAX_JSON_VALUES + 5)}${'1'.repeat(MAX_JSON_VALUES + 5)}}`)).not.toThrow();
  });
});
