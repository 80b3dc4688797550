/**
 * What sla-watch keeps of the free text a sender writes. An alert is one stored item (at most
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
import { singleLine } from '../domain/clean-text.ts';

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

function clipMap(map: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map).slice(0, INTAKE_LIMITS.mapEntries)) {
    out[clip(key, INTAKE_LIMITS.mapKeyLength)] = clip(value, INTAKE_LIMITS.mapValueLength);
  }
  return out;
}

/** An absolute http(s) link, or null for anything else (relative, `javascript:`, too long). */
export function httpLink(href: unknown, text?: string): AlertLink | null {
  if (typeof href !== 'string' || href.length > INTAKE_LIMITS.hrefLength || !URL.canParse(href)) return null;
  const protocol = new URL(href).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  return text === undefined || text.trim() === '' ? { href } : { href, text: clip(text, INTAKE_LIMITS.linkTextLength) };
}

/** The event with every free-text field within INTAKE_LIMITS. */
export function withinLimits(event: IntakeEvent): IntakeEvent {
  return {
    ...event,
    title: clip(event.title, INTAKE_LIMITS.titleLength),
    description: event.description === null ? null : clip(event.description, INTAKE_LIMITS.descriptionLength),
    sourceName: clip(event.sourceName, INTAKE_LIMITS.sourceNameLength),
    severity: event.severity === null ? null : clip(event.severity, INTAKE_LIMITS.severityLength),
    labels: clipMap(event.labels),
    annotations: clipMap(event.annotations),
    links: event.links.slice(0, INTAKE_LIMITS.links),
    // Shown on pages and in mail as a name: one line, no controls or bidi overrides.
    by: singleLine(event.by, INTAKE_LIMITS.byLength),
  };
}
