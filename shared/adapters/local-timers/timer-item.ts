/**
 * A local timer as an item of the one table: `TIMER#<name>`, in the sparse `due` index under
 * `TIMER#<shard>` (a hash of its name) at `<instant>#<name>`, carrying the payload the Lambda
 * would have received. Because it is
 * just an item, a timer that fell due while the stack was down fires at the next start.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Instant } from '../../domain/instant.ts';
import { TIMER_KINDS } from '../../domain/timers/timer-name.ts';
import type { TimerPayload, TimerRequest } from '../../ports/timers.ts';
import { timerPk } from '../../store/keys.ts';
import { instantIdKey, parseInstantIdKey, shardKey, shardOf } from '../../store/shard-keys.ts';
import { DUE_TIMER, INDEX_SHARDS } from '../../store/table-definition.ts';

export interface StoredTimer {
  readonly name: string;
  readonly at: Instant;
  readonly payload: TimerPayload;
}

export function toTimerItem(request: TimerRequest, shards: number = INDEX_SHARDS): Record<string, AttributeValue> {
  return {
    pk: { S: timerPk(request.name) },
    name: { S: request.name },
    duePk: { S: shardKey(DUE_TIMER, shardOf(request.name, shards)) },
    dueKey: { S: instantIdKey(request.at, request.name) },
    dueAt: { N: String(request.at) },
    kind: { S: request.payload.kind },
    payload: { S: JSON.stringify(request.payload) },
  };
}

/** Reads a timer item back; throws TypeError for an item that is not a well-formed timer. */
export function fromTimerItem(item: Record<string, AttributeValue>): StoredTimer {
  const name = item.name?.S;
  // The due index carries the instant in its sort key only (dueAt is not projected).
  const at = item.dueAt?.N !== undefined ? Number(item.dueAt.N) : (parseInstantIdKey(item.dueKey?.S ?? '')?.at ?? Number.NaN);
  const payload: unknown = JSON.parse(item.payload?.S ?? 'null');
  if (name === undefined || !Number.isFinite(at) || !isPayload(payload)) {
    throw new TypeError(`item ${item.pk?.S ?? '(no pk)'} is not a timer`);
  }
  return { name, at, payload };
}

function isPayload(value: unknown): value is TimerPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { alertId, kind, generation, dueAt } = value as Record<string, unknown>;
  return typeof alertId === 'string' && typeof kind === 'string' && (TIMER_KINDS as readonly string[]).includes(kind) && typeof generation === 'number' && typeof dueAt === 'string';
}
