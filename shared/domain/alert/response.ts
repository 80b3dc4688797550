/**
 * A response to an alert: what a person (or the system) did and when, as recorded by the
 * server. Responses are append-only; the n-th response of an alert has id `<alertId>_<n>`.
 */
import type { Instant } from '../instant.ts';

export type ResponseType = 'acknowledgment' | 'update' | 'resolution' | 'escalation';
export const RESPONSE_TYPES: readonly ResponseType[] = ['acknowledgment', 'update', 'resolution', 'escalation'];

/** How the response reached sla-watch. */
export type ResponseVia = 'api' | 'console' | 'link' | 'webhook' | 'system';

export interface Response {
  /** `<alertId>_<n>`, n counting from 1. */
  readonly id: string;
  readonly type: ResponseType;
  readonly by: string;
  readonly note: string | null;
  /** Server time at which it was recorded. */
  readonly at: Instant;
  readonly via: ResponseVia;
}

export function responseId(alertId: string, n: number): string {
  return `${alertId}_${n}`;
}
