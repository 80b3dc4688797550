/**
 * A response to an alert: what a person, the alert's source or sla-watch itself did and when,
 * as recorded by the server. Responses are append-only; the n-th response of an alert has id
 * `<alertId>_<n>`.
 *
 * Who made it (`actor`) decides what it proves: only a person's acknowledgment answers the
 * acknowledgment SLA (design: an alert its source resolved before anyone acknowledged it was
 * never acknowledged). Alerts stored before responses carried an actor are read by what their
 * `via` meant then: a webhook was always the source (a PagerDuty `acknowledge` included, the
 * conservative reading), `system` was sla-watch, links and the API were people.
 */
import type { Instant } from '../instant.ts';

export type ResponseType = 'acknowledgment' | 'update' | 'resolution' | 'escalation';
export const RESPONSE_TYPES: readonly ResponseType[] = ['acknowledgment', 'update', 'resolution', 'escalation'];

/** How the response reached sla-watch. */
export type ResponseVia = 'api' | 'console' | 'link' | 'webhook' | 'system';

/** Who made a response: a person (link, API, chat, a person's PagerDuty acknowledgment), the alert's source, or sla-watch. */
export type ResponseActor = 'person' | 'source' | 'system';
export const RESPONSE_ACTORS: readonly ResponseActor[] = ['person', 'source', 'system'];

export interface Response {
  /** `<alertId>_<n>`, n counting from 1. */
  readonly id: string;
  readonly type: ResponseType;
  readonly by: string;
  readonly note: string | null;
  /** Server time at which it was recorded. */
  readonly at: Instant;
  readonly via: ResponseVia;
  /** Absent on responses stored before it existed: read it with `responseActor`. */
  readonly actor?: ResponseActor;
}

/** Who made `response`; for one stored without an actor, what its `via` meant when it was stored. */
export function responseActor(response: Pick<Response, 'via' | 'actor'>): ResponseActor {
  if (response.actor !== undefined) return response.actor;
  switch (response.via) {
    case 'webhook':
      return 'source';
    case 'system':
      return 'system';
    case 'api':
    case 'console':
    case 'link':
      return 'person';
  }
}

export function responseId(alertId: string, n: number): string {
  return `${alertId}_${n}`;
}
