/**
 * DeliveryQueue on Amazon SQS: one message per alert (`{"alertId": ...}`), sent ten to a
 * SendMessageBatch call. The sender function (functions/sender.ts) receives them through its
 * event source. A delay is capped at SQS's 15 minutes; a later retry is re-fed by the sweeper.
 * Any failure (of the call, or of some entries of a batch) throws QueueUnavailableError with
 * the cause: the deliveries are stored already, and callers only log it.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueUnavailableError } from '../../errors.ts';
import type { DeliveryQueue } from '../../ports/delivery-queue.ts';

const BATCH = 10;
const MAX_DELAY_SECONDS = 900;

/** The body of a delivery message. */
export interface DeliveryMessage {
  readonly alertId: string;
}

export class SqsDeliveryQueue implements DeliveryQueue {
  constructor(private readonly options: { client: SQSClient; queueUrl: string }) {}

  async enqueue(alertIds: readonly string[], delayMs = 0): Promise<void> {
    const unique = [...new Set(alertIds)];
    const delaySeconds = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delayMs / 1000)));
    for (let start = 0; start < unique.length; start += BATCH) {
      const entries = unique.slice(start, start + BATCH).map((alertId, i) => ({
        Id: String(i),
        MessageBody: JSON.stringify({ alertId } satisfies DeliveryMessage),
        DelaySeconds: delaySeconds,
      }));
      let failed: number;
      try {
        const out = await this.options.client.send(new SendMessageBatchCommand({ QueueUrl: this.options.queueUrl, Entries: entries }));
        failed = out.Failed?.length ?? 0;
      } catch (error) {
        throw new QueueUnavailableError('SQS SendMessageBatch failed', error);
      }
      if (failed > 0) throw new QueueUnavailableError(`SQS refused ${failed} of ${entries.length} delivery messages`);
    }
  }
}
