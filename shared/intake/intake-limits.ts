/**
 * The one text gate of intake: every format's events pass `withinLimits`, which cleans every
 * free-text field (clean-text.ts: well-formed Unicode, no controls but tab and newline) and
 * then caps it, so nothing downstream (email, Slack, pages, the store, logs) sees malformed
 * text. Identities are refused rather than cleaned (body-reader.ts, `identity`).
 *
 * What sla-watch keeps of the free text a sender writes: an alert is one stored item (at most
 * about 350 KB, see store/write-rules.ts), and a sender that puts a log dump into a
 * description must still get its alert stored and its SLA counted, so long text is clipped
 * (marked with `…`) rather than refused. Identities (dedup keys) are never clipped: two keys
 * that differ only past a limit would merge two problems, so the formats refuse those instead.
 *
 * Links keep only absolute http(s) URLs: they end up as `href`s in email and pages, where a
 * `javascript:` URL would be an attack, and a sender cannot fix a dropped link by retrying.
 */
import type { AlertLink } from '../domain/alert/alert.ts';
import { MAX_RESPONDER_LENGTH } from '../domain/alert/apply-response.ts';
import type { IntakeEvent } from './intake-event.ts';
import { cleanText, isCleanText, singleLine } from '../domain/clean-text.ts';

export const INTAKE_LIMITS = {
  dedupKeyLength: 255,
  titleLength: 1024,
  descriptionLength: 8192,
  sourceNameLength: 256,
  severityLength: 64,
  /** `by` is recorded as a response's author, which has this limit. */
  byLength: MAX_RESPONDER_LENGTH,
  mapEntries: 64,
  mapKeyLength: 128,
  mapValueLength: 1024,
  links: 20,
  hrefLength: 2048,
  linkTextLength: 256,
} as const;

/** `text` cut to at most `max` characters, ending with `…` when cut (never halving a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** `text` cleaned (clean-text.ts), then clipped to `max`. */
export function gate(text: string, max: number): string {
  return clip(cleanText(text), max);
}

function gateMap(map: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const key in map) {
    if (count === INTAKE_LIMITS.mapEntries) break;
    out[gate(key, INTAKE_LIMITS.mapKeyLength)] = gate(map[key] as string, INTAKE_LIMITS.mapValueLength);
    count += 1;
  }
  return out;
}

/** An absolute http(s) link, or null for anything else (relative, `javascript:`, too long). */
export function httpLink(href: unknown, text?: string): AlertLink | null {
  if (typeof href !== 'string' || href.length > INTAKE_LIMITS.hrefLength || !URL.canParse(href)) return null;
  const protocol = new URL(href).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  // The URL parser's serialization percent-encodes anything unusual (a lone surrogate too):
  // used only when the text as sent would not pass the gate, so ordinary links stay as sent.
  const clean = isCleanText(href) && !/\s/.test(href) ? href : new URL(href).href;
  if (clean.length > INTAKE_LIMITS.hrefLength) return null;
  return text === undefined || text.trim() === '' ? { href: clean } : { href: clean, text: singleLine(text, INTAKE_LIMITS.linkTextLength) };
}

/** The event with every free-text field within INTAKE_LIMITS. */
export function withinLimits(event: IntakeEvent): IntakeEvent {
  return {
    ...event,
    title: gate(event.title, INTAKE_LIMITS.titleLength),
    description: event.description === null ? null : gate(event.description, INTAKE_LIMITS.descriptionLength),
    sourceName: gate(event.sourceName, INTAKE_LIMITS.sourceNameLength),
    severity: event.severity === null ? null : gate(event.severity, INTAKE_LIMITS.severityLength),
    labels: gateMap(event.labels),
    annotations: gateMap(event.annotations),
    links: event.links.slice(0, INTAKE_LIMITS.links),
    // Shown on pages and in mail as a name: one line, no controls or bidi overrides.
    by: singleLine(event.by, INTAKE_LIMITS.byLength),
  };
}
