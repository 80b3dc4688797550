/**
 * Untrusted text made presentable: alert titles, labels and annotations come from alerting
 * tools and may hold control characters, bidirectional overrides (which can make a subject
 * read differently from what it says) or megabytes of text. These helpers remove the former
 * and cap the latter. They do not escape: HTML and Slack escaping happen in their renderers.
 */

// C0 controls except tab and newline, DEL, C1 controls, and bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex -- the point is to remove control characters
const CONTROL_EXCEPT_TAB_NL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r\u0085\u2028\u2029]+/g;

function cap(text: string, maxChars: number): string {
  const chars = Array.from(text); // by code point, so a cap never splits a surrogate pair
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/** One line: line breaks and tabs become spaces, controls go, runs of spaces shrink. */
export function singleLine(text: string, maxChars: number): string {
  const flat = text.replace(LINE_BREAKS_AND_TABS, ' ').replace(CONTROL_EXCEPT_TAB_NL, '').replace(/ {2,}/g, ' ').trim();
  return cap(flat, maxChars);
}

/** Several lines allowed (descriptions): CR/LF normalised to LF, other controls removed. */
export function multiLine(text: string, maxChars: number): string {
  const normalised = text.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_TAB_NL, '').trim();
  return cap(normalised, maxChars);
}
