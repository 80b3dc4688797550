/**
 * From a request body to intake events, by the integration's format. Parsing is pure and
 * checks the whole body before anything is stored: a body with one bad alert in a group of
 * fifty is refused as a whole (UnprocessableError listing every problem), so a sender never
 * has to guess which half of its request was kept.
 */
import type { IntegrationFormat } from '../domain/alert/alert.ts';
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

export function parseIntake(format: IntegrationFormat, body: unknown, context: IntakeContext): IntakeEvent[] {
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
