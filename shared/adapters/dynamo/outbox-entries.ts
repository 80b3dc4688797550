/**
 * The attributes an alert item carries while it has deliveries to make: the keys of the
 * sparse `outbox` index (shared/store/outbox-index.ts), at the instant its next delivery is
 * ready. An alert with nothing to deliver carries none and drops out of the index.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import { nextReadyAt, outboxOf } from '../../domain/delivery/outbox.ts';
import { OUTBOX_INDEX, outboxPkOf, outboxSortKey } from '../../store/outbox-index.ts';

export function outboxAttributes(alert: Alert, shards: number): Record<string, AttributeValue> {
  const readyAt = nextReadyAt(outboxOf(alert));
  if (readyAt === null) return {};
  return {
    [OUTBOX_INDEX.partitionKey.name]: { S: outboxPkOf(alert.id, shards) },
    [OUTBOX_INDEX.sortKey.name]: { S: outboxSortKey(readyAt, alert.id) },
  };
}
