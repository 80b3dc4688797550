/**
 * Hands alerts with deliveries to make to the senders (SQS on AWS; on one machine the local
 * sender loop finds them in the table itself). Contract: best effort. The deliveries are
 * already stored when this is called, so a failure here delays them (the sweeper re-feeds
 * what waited too long) and never loses one; callers log it and go on. Idempotent: an alert
 * handed over twice is only looked at twice.
 */
export interface DeliveryQueue {
  /** `delayMs` (at most 15 minutes on SQS): not before then. */
  enqueue(alertIds: readonly string[], delayMs?: number): Promise<void>;
}
