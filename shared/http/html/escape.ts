/**
 * Escaping of untrusted text (alert titles, labels, annotations, names from links) for HTML
 * element content and double-quoted attribute values. Everything that came from outside goes
 * through `escapeHtml` before it is placed in a page or an email; markup we write ourselves is
 * the only unescaped text.
 */
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * A URL that is safe to place in an `href`: only absolute http(s) URLs (no `javascript:`,
 * `data:` or relative tricks), returned escaped; null for anything else.
 */
export function safeHref(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return escapeHtml(url.href);
}
