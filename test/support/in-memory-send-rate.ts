/**
 * SendRate in memory with the DynamoDB one's rule (slots 1000/perSecond ms apart, null when
 * the next is beyond `maxWaitMs`), for use-case tests; `reserved` lists the slots handed out.
 */
import type { Instant } from '../../shared/domain/instant.ts';
import type { SendRate } from '../../shared/ports/send-rate.ts';

export class InMemorySendRate implements SendRate {
  private readonly frontiers = new Map<string, Instant>();
  readonly reserved: { key: string; at: Instant }[] = [];

  async reserve(key: string, perSecond: number, now: Instant, maxWaitMs: number): Promise<Instant | null> {
    const frontier = Math.max(this.frontiers.get(key) ?? now, now);
    if (frontier > now + maxWaitMs) return null;
    this.frontiers.set(key, frontier + 1000 / perSecond);
    this.reserved.push({ key, at: frontier });
    return frontier;
  }
}
