import { describe, expect, it } from 'vitest';
import { escapeHtml, safeHref } from '../../shared/http/html/escape.ts';
import { multiLine, singleLine } from '../../shared/domain/clean-text.ts';

describe('escapeHtml', () => {
  it('leaves no character that could open a tag or close an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    expect(escapeHtml('plain ünïcödé ✓')).toBe('plain ünïcödé ✓');
  });
});

describe('safeHref', () => {
  it('links only absolute http(s) URLs, escaped', () => {
    expect(safeHref('https://grafana.test/d?a=1&b="2"')).toBe('https://grafana.test/d?a=1&amp;b=%222%22');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(' JAVASCRIPT:alert(1)')).toBeNull();
  });
});

describe('clean text', () => {
  it('flattens a title to one line without controls or bidi overrides, capped by code point', () => {
    expect(singleLine('a\r\nb\tc\u0000d\u202Ee  f', 100)).toBe('a b cde f');
    expect(singleLine('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });

  it('keeps line breaks in descriptions', () => {
    expect(multiLine('one\r\ntwo\rthree\u0007', 100)).toBe('one\ntwo\nthree');
  });
});
