/**
 * Recording a response on an alert: the rules of the SLA clocks and of who may still respond.
 *
 * - Each response is appended with id `<alertId>_<n>` and the server's `now`.
 * - The first acknowledgment stops the acknowledgment clock (acknowledgedAt/By, status); the
 *   first resolution stops the resolution clock and, on an alert nobody acknowledged, the
 *   acknowledgment clock too. Later ones never move those instants.
 * - An acknowledgment or update moves `lastUpdateAt`: the next update is due from there.
 * - After the resolution nothing more is accepted (ConflictError, HTTP 409), and an alert holds
 *   at most MAX_RESPONSES responses (ConflictError).
 * - Repeats that arrive by themselves are harmless: an acknowledgment through the email link
 *   or a webhook on an alert already acknowledged, or a resolution through them on an alert
 *   already resolved, records nothing and answers `already` (the alert says who acted first and
 *   when). Through the API a second acknowledgment is recorded as a response, without moving
 *   acknowledgedAt.
 *
 * The stored timer is replanned with the change (acknowledgment: reminders stop, update-due
 * starts; resolution: only the `resolved` notification remains).
 */
import { ConflictError, UnprocessableError } from '../../errors.ts';
import type { Instant } from '../instant.ts';
import { replanTimer } from '../timers/plan-timer.ts';
import { MAX_RESPONSES, type Alert } from './alert.ts';
import { RESPONSE_ACTORS, RESPONSE_TYPES, responseActor, responseId, type Response, type ResponseActor, type ResponseType, type ResponseVia } from './response.ts';

export const MAX_RESPONDER_LENGTH = 200;
/** 200 responses with notes this long keep an alert item far below DynamoDB's 400 KB. */
export const MAX_NOTE_LENGTH = 1000;
const VIAS: readonly ResponseVia[] = ['api', 'console', 'link', 'webhook', 'system'];

export interface ResponseInput {
  readonly type: ResponseType;
  /** Who responded, 1..200 characters (trimmed). */
  readonly by: string;
  /** Up to MAX_NOTE_LENGTH characters; empty counts as none. */
  readonly note: string | null;
  readonly via: ResponseVia;
  /** Who made it; by default what `via` implies (webhook: the source, system: sla-watch, else a person). */
  readonly actor?: ResponseActor;
}

export type ResponseOutcome =
  | { readonly kind: 'recorded'; readonly alert: Alert; readonly response: Response }
  /** A harmless repeat: nothing changed; `alert.acknowledgedBy/At` (or resolvedBy/At) say who acted first. */
  | { readonly kind: 'already'; readonly alert: Alert };

/** What is wrong with an input, each naming the field; empty when it is valid. */
export function responseProblems(input: ResponseInput): string[] {
  const problems: string[] = [];
  if (!RESPONSE_TYPES.includes(input.type)) problems.push(`type: must be one of ${RESPONSE_TYPES.join(', ')}`);
  if (!VIAS.includes(input.via)) problems.push(`via: must be one of ${VIAS.join(', ')}`);
  if (input.actor !== undefined && !RESPONSE_ACTORS.includes(input.actor)) problems.push(`actor: must be one of ${RESPONSE_ACTORS.join(', ')}`);
  const by = typeof input.by === 'string' ? input.by.trim() : '';
  if (by.length === 0 || by.length > MAX_RESPONDER_LENGTH) problems.push(`by: required, 1 to ${MAX_RESPONDER_LENGTH} characters`);
  if (input.note !== null && (typeof input.note !== 'string' || input.note.length > MAX_NOTE_LENGTH)) {
    problems.push(`note: at most ${MAX_NOTE_LENGTH} characters`);
  }
  return problems;
}

function isHarmlessRepeat(alert: Alert, input: ResponseInput): boolean {
  if (input.via !== 'link' && input.via !== 'webhook') return false;
  if (input.type === 'acknowledgment') return alert.acknowledgedAt !== null;
  if (input.type === 'resolution') return alert.resolvedAt !== null;
  return false;
}

/** Throws UnprocessableError (invalid input) or ConflictError (resolved, or at the cap). */
export function applyResponse(alert: Alert, input: ResponseInput, now: Instant): ResponseOutcome {
  const problems = responseProblems(input);
  if (problems.length > 0) throw new UnprocessableError('invalid response', problems);
  if (isHarmlessRepeat(alert, input)) return { kind: 'already', alert };
  if (alert.resolvedAt !== null) throw new ConflictError(`alert ${alert.id} is resolved: no further responses are accepted`);
  if (alert.responses.length >= responseRoom(alert, input.type)) throw new ConflictError(`response limit reached (${MAX_RESPONSES} per alert)`);

  const note = input.note === null || input.note.trim() === '' ? null : input.note;
  const response: Response = {
    id: responseId(alert.id, alert.responses.length + 1),
    type: input.type,
    by: input.by.trim(),
    note,
    at: now,
    via: input.via,
    actor: input.actor ?? responseActor({ via: input.via }),
  };
  const changed = { ...withResponse(alert, response), version: alert.version + 1, responses: [...alert.responses, response] };
  return { kind: 'recorded', alert: replanTimer(changed), response };
}

/**
 * The first acknowledgment and the resolution always fit: the last two places of the cap are
 * kept for them, so a long incident full of updates can still be closed.
 */
export function responseRoom(alert: Alert, type: ResponseType): number {
  const closes = (type === 'acknowledgment' && alert.acknowledgedAt === null) || type === 'resolution';
  return closes ? MAX_RESPONSES : MAX_RESPONSES - RESERVED_FOR_CLOSING;
}

/** Places of MAX_RESPONSES kept for the first acknowledgment and the resolution. */
export const RESERVED_FOR_CLOSING = 2;

function withResponse(alert: Alert, response: Response): Alert {
  const firstAck = alert.acknowledgedAt === null ? { acknowledgedAt: response.at, acknowledgedBy: response.by } : {};
  switch (response.type) {
    case 'acknowledgment':
      return { ...alert, ...firstAck, status: 'acknowledged', lastUpdateAt: response.at };
    case 'update':
      return { ...alert, lastUpdateAt: response.at };
    case 'resolution':
      return { ...alert, ...firstAck, status: 'resolved', resolvedAt: response.at, resolvedBy: response.by };
    case 'escalation':
      return alert;
  }
}
