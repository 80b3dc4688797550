/**
 * Untrusted text made safe to carry: alert titles, labels, annotations, custom details,
 * responders' names and notes come from alerting tools and people, and may hold lone UTF-16
 * surrogates (which no UTF-8 encoder can write: the AWS SDK's URL encoder throws on them),
 * control characters, bidirectional overrides (which can make a subject read differently
 * from what it says) or megabytes of text.
 *
 * `cleanText` is the gate every untrusted string passes at intake (intake-limits.ts for
 * webhook events, record-response.ts for responses): afterwards it is well-formed Unicode
 * (a lone surrogate becomes U+FFFD) holding no controls but tab and newline, so every later
 * layer (email, Slack, pages, DynamoDB, logs) can trust it. `singleLine` and `multiLine`
 * shape text for display and apply the same rules again, so even text stored before the gate
 * existed renders. None of them escape: HTML and Slack escaping happen in their renderers.
 */

// C0 controls except tab and newline, DEL, C1 controls, and bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex -- the point is to remove control characters
const CONTROL_EXCEPT_TAB_NL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r\u0085\u2028\u2029]+/g;

function cap(text: string, maxChars: number): string {
  const chars = Array.from(text); // by code point, so a cap never splits a surrogate pair
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/**
 * Well-formed text without controls: lone surrogates become U+FFFD, CR/LF and lone CR become
 * LF, and every control but tab and newline is removed. Not trimmed and not capped: callers
 * cap by their own limits (after cleaning, so a cap never counts removed characters).
 */
export function cleanText(text: string): string {
  return text.toWellFormed().replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_TAB_NL, '');
}

/** Whether `text` would pass cleanText unchanged (identities are refused rather than changed). */
export function isCleanText(text: string): boolean {
  return cleanText(text) === text;
}

/** One line, not capped: line breaks and tabs become spaces, controls go, runs of spaces shrink. */
export function cleanLine(text: string): string {
  return text.toWellFormed().replace(LINE_BREAKS_AND_TABS, ' ').replace(CONTROL_EXCEPT_TAB_NL, '').replace(/ {2,}/g, ' ').trim();
}

/** cleanLine, capped at `maxChars` code points (ending with `…` when cut). */
export function singleLine(text: string, maxChars: number): string {
  return cap(cleanLine(text), maxChars);
}

/** Several lines allowed (descriptions): CR/LF normalised to LF, other controls removed. */
export function multiLine(text: string, maxChars: number): string {
  return cap(cleanText(text).trim(), maxChars);
}
