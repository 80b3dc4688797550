/**
 * Lambda entry point of the sender, fed by the delivery queue (SQS event source with partial
 * batch responses). Each message names an alert; its ready deliveries are made at the shared
 * rates (shared/app/deliver-ready.ts). Then:
 * - a rate with no slot soon enough (`busy`), or a retry due later: the alert is queued again
 *   with a delay (at most SQS's 15 minutes; later retries are re-fed by the sweeper);
 * - a failure to read or write the store: the message is reported failed and SQS delivers it
 *   again after the visibility timeout (then its dead-letter queue, which has an alarm);
 * - a message that is not ours: logged and dropped (retrying it can never help).
 */
import { deliverReady } from '../shared/app/deliver-ready.ts';
import type { DeliveryDeps } from '../shared/app/delivery-deps.ts';
import type { DeliveryQueue } from '../shared/ports/delivery-queue.ts';
import { logger, serve } from './runtime/aws-root.ts';

/** Longest wait for a send slot: past it the alert goes back to the queue for a while. */
export const SENDER_MAX_WAIT_MS = 10_000;
/** When a rate was busy: try again after this (plus jitter). */
const BUSY_DELAY_MS = 5_000;

interface SqsRecord {
  readonly messageId: string;
  readonly body: string;
}

export interface SqsBatchResponse {
  readonly batchItemFailures: { readonly itemIdentifier: string }[];
}

function alertIdOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const alertId = (parsed as { alertId?: unknown } | null)?.alertId;
    return typeof alertId === 'string' && alertId !== '' ? alertId : null;
  } catch {
    return null;
  }
}

async function handle(delivery: DeliveryDeps, queue: DeliveryQueue, record: SqsRecord): Promise<boolean> {
  const alertId = alertIdOf(record.body);
  if (alertId === null) {
    logger.error('sender: dropping a message that names no alert', { messageId: record.messageId });
    return true;
  }
  const result = await deliverReady(delivery, alertId, { maxWaitMs: SENDER_MAX_WAIT_MS });
  const now = delivery.clock.now();
  const later = result.busy ? BUSY_DELAY_MS + Math.random() * BUSY_DELAY_MS : result.nextReadyAt === null ? null : result.nextReadyAt - now;
  if (later !== null) {
    // Best effort: the sweeper re-feeds the alert if this is lost.
    await queue.enqueue([alertId], Math.max(0, later)).catch((error: unknown) =>
      logger.warn('sender: alert not queued again; the sweeper will', { alertId, error: error instanceof Error ? error.message : String(error) }),
    );
  }
  logger.info('sender: alert handled', { alertId, ...result.counts, busy: result.busy });
  return true;
}

export const handler = serve(({ delivery, deps }) => async (event: { Records?: readonly SqsRecord[] }): Promise<SqsBatchResponse> => {
  const records = event.Records ?? [];
  const outcomes = await Promise.all(
    records.map((record) =>
      handle(delivery, deps.deliveries, record).catch((error: unknown) => {
        logger.error('sender: alert not handled; SQS will deliver it again', {
          messageId: record.messageId,
          error: error instanceof Error ? error.message : String(error),
        });
        return false;
      }),
    ),
  );
  return { batchItemFailures: records.filter((_, i) => !outcomes[i]).map((r) => ({ itemIdentifier: r.messageId })) };
});
