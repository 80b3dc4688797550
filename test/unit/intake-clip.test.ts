/**
 * Long text is clipped where it enters, at a limit a person never sees exceeded: a title of
 * exactly the limit is kept whole, a longer one ends with `…`, and the cut never leaves half an
 * emoji (a lone surrogate that would show as a broken character in mail and pages). Links keep
 * their limit too, and one with spaces is kept percent-encoded, as a browser would send it.
 */
import { describe, expect, it } from 'vitest';
import { parseGeneric } from '../../shared/intake/formats/generic.ts';
import { INTAKE_LIMITS } from '../../shared/intake/intake-limits.ts';
import { genericEvent } from '../support/payload-fixtures.ts';

const MAX = INTAKE_LIMITS.titleLength;
const titleOf = (title: string) => parseGeneric(genericEvent({ title }))[0]?.title;

describe('text clipped at intake', () => {
  it('keeps a title of exactly the limit whole, and ends a longer one with …', () => {
    expect(titleOf('t'.repeat(MAX))).toBe('t'.repeat(MAX));
    expect(titleOf('t'.repeat(MAX + 1))).toBe(`${'t'.repeat(MAX - 1)}…`);
  });

  it.each([
    ['an emoji', '😀'],
    ['the first character past the basic plane', '\u{10000}'],
    ['the last character of Unicode', '\u{10FFFF}'],
  ])('never cuts %s in half', (_name, wide) => {
    // The wide character takes the two places just before the cut.
    expect(titleOf(`${'a'.repeat(MAX - 2)}${wide}bbbb`)).toBe(`${'a'.repeat(MAX - 2)}…`);
  });

  it('keeps a character of one place just before the cut', () => {
    expect(titleOf(`${'a'.repeat(MAX - 2)}\u{E000}bbbb`)).toBe(`${'a'.repeat(MAX - 2)}\u{E000}…`);
  });
});

describe('links at intake', () => {
  it('keeps a link of exactly 2,048 characters, and encodes one with a space', () => {
    const long = `https://grafana.example.com/d/${'x'.repeat(INTAKE_LIMITS.hrefLength - 30)}`;
    expect(long).toHaveLength(INTAKE_LIMITS.hrefLength);
    const [event] = parseGeneric(genericEvent({ links: [long, 'https://wiki.example.com/disk full'] }));
    expect(event?.links).toEqual([{ href: long }, { href: 'https://wiki.example.com/disk%20full' }]);
  });

  it('refuses a link longer than the limit as sent, even one that would read shorter once normalized, and one that is not text', () => {
    // "/a/.." drops out when the URL is normalized: 2,050 characters as sent, 2,047 after.
    const long = `https://wiki.example.com/a/../${'x'.repeat(INTAKE_LIMITS.hrefLength - 30)} y`;
    expect(long).toHaveLength(INTAKE_LIMITS.hrefLength + 2);
    expect(() => parseGeneric(genericEvent({ links: [long, { href: ['https://wiki.example.com/disk'] }] }))).toThrow(
      expect.objectContaining({
        details: ['links[0]: must be an absolute http(s) URL of at most 2048 characters', 'links[1].href: must be an absolute http(s) URL of at most 2048 characters'],
      }),
    );
  });

  it('refuses a link that its encoding takes past the limit', () => {
    const spaced = `https://wiki.example.com/${'a '.repeat(10)}${'x'.repeat(INTAKE_LIMITS.hrefLength - 45)}`;
    expect(spaced.length).toBeLessThanOrEqual(INTAKE_LIMITS.hrefLength);
    expect(() => parseGeneric(genericEvent({ links: [spaced] }))).toThrow(
      expect.objectContaining({ details: ['links[0]: must be an absolute http(s) URL of at most 2048 characters'] }),
    );
  });
});
