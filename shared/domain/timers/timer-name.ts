/**
 * The name of a timer: `<alertId>.<kind>.<generation>`. EventBridge Scheduler names are unique
 * in a schedule group and limited to 1..64 characters of [0-9a-zA-Z-_.], so the name is built
 * deterministically from what the timer is for: arming the same timer twice (a retried
 * request, a duplicate delivery) finds the name taken and changes nothing, and a new
 * generation gets a new name. Alert ids hold no `.`, so the name parses back unambiguously.
 */
import type { TimerKind } from '../alert/alert.ts';

export const TIMER_KINDS: readonly TimerKind[] = ['at-risk', 'breach', 'reminder'];
export const MAX_TIMER_NAME_LENGTH = 64;

const ALERT_ID_PART = /^[0-9a-zA-Z_-]+$/;
const TIMER_NAME = /^([0-9a-zA-Z_-]+)\.(at-risk|breach|reminder)\.(0|[1-9][0-9]*)$/;

export interface ParsedTimerName {
  readonly alertId: string;
  readonly kind: TimerKind;
  readonly generation: number;
}

/** Throws a RangeError when an argument cannot make a valid name (a programming error). */
export function timerName(alertId: string, kind: TimerKind, generation: number): string {
  if (!ALERT_ID_PART.test(alertId)) throw new RangeError(`alert id "${alertId}" cannot be part of a timer name`);
  if (!TIMER_KINDS.includes(kind)) throw new RangeError(`unknown timer kind "${String(kind)}"`);
  if (!Number.isSafeInteger(generation) || generation < 0) {
    throw new RangeError(`timer generation must be a non-negative integer, got ${generation}`);
  }
  const name = `${alertId}.${kind}.${generation}`;
  if (name.length > MAX_TIMER_NAME_LENGTH) {
    throw new RangeError(`timer name "${name}" is longer than ${MAX_TIMER_NAME_LENGTH} characters`);
  }
  return name;
}

/** The parts of a name made by `timerName`, or null for any other text. */
export function parseTimerName(name: string): ParsedTimerName | null {
  if (name.length > MAX_TIMER_NAME_LENGTH) return null;
  const match = TIMER_NAME.exec(name);
  if (match === null) return null;
  const generation = Number(match[3]);
  if (!Number.isSafeInteger(generation)) return null;
  return { alertId: match[1] as string, kind: match[2] as TimerKind, generation };
}
