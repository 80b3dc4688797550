/**
 * From a request body to intake events, by the integration's format. Parsing is pure and
 * checks the whole body before anything is stored: a body with one bad alert in a group of
 * fifty is refused as a whole (UnprocessableError listing every problem), so a sender never
 * has to guess which half of its request was kept.
 */
import type { IntegrationFormat } from '../domain/alert/alert.ts';
import { UnprocessableError } from '../errors.ts';
import { parseAlertmanager } from './formats/alertmanager.ts';
import { parseGeneric } from './formats/generic.ts';
import { parseGrafana } from './formats/grafana.ts';
import { parsePagerDuty } from './formats/pagerduty.ts';
import { parseUptimeKuma } from './formats/uptime-kuma.ts';
import type { IntakeEvent } from './intake-event.ts';

export interface IntakeContext {
  /** The dedup key a PagerDuty trigger without one gets (a fresh UUID drawn by the caller). */
  readonly generatedDedupKey: string;
}

/**
 * Events one request may carry. Each is stored and mailed in turn: a bound keeps a request's
 * work (and the mail a leaked secret could send) finite and within a function's time limit.
 * Alertmanager's `max_alerts` on the webhook receiver keeps its groups under it.
 */
export const MAX_EVENTS_PER_REQUEST = 1000;

export function parseIntake(format: IntegrationFormat, body: unknown, context: IntakeContext): IntakeEvent[] {
  const events = parseFormat(format, body, context);
  if (events.length > MAX_EVENTS_PER_REQUEST) {
    throw new UnprocessableError('too many events in one request', [`body: at most ${MAX_EVENTS_PER_REQUEST} events per request, got ${events.length}`]);
  }
  return events;
}

function parseFormat(format: IntegrationFormat, body: unknown, context: IntakeContext): IntakeEvent[] {
  switch (format) {
    case 'alertmanager':
      return parseAlertmanager(body);
    case 'grafana':
      return parseGrafana(body);
    case 'pagerduty':
      return parsePagerDuty(body, context.generatedDedupKey);
    case 'uptime-kuma':
      return parseUptimeKuma(body);
    case 'generic':
      return parseGeneric(body);
    default:
      return unknownFormat(format);
  }
}

function unknownFormat(format: never): never {
  throw new RangeError(`unknown integration format ${String(format)}`);
}
