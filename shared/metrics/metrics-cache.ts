/**
 * Keeps the last exposition for a short while, so that however often and however many
 * scrapers ask, the store is read at most once per `ttlMs` per instance: concurrent scrapes
 * while a computation runs share it, and a failed computation is not kept (the next scrape
 * tries again). Time comes from the Clock port, so tests move it.
 */
import type { Clock } from '../ports/clock.ts';
import type { Exposition } from './prometheus-exposition.ts';

/** Short enough that a 15 s or 30 s scrape interval sees fresh figures, long enough that a burst of scrapers costs one read. */
export const METRICS_CACHE_TTL_MS = 15_000;

export class MetricsCache {
  private latest: { readonly at: number; readonly exposition: Exposition } | null = null;
  private running: Promise<Exposition> | null = null;

  constructor(
    private readonly compute: () => Promise<Exposition>,
    private readonly clock: Clock,
    private readonly ttlMs: number = METRICS_CACHE_TTL_MS,
  ) {}

  get(): Promise<Exposition> {
    const now = this.clock.now();
    if (this.latest !== null && now - this.latest.at < this.ttlMs) return Promise.resolve(this.latest.exposition);
    if (this.running !== null) return this.running;
    const running = this.compute().then(
      (exposition) => {
        this.latest = { at: now, exposition };
        this.running = null;
        return exposition;
      },
      (error: unknown) => {
        this.running = null;
        throw error;
      },
    );
    this.running = running;
    return running;
  }
}
