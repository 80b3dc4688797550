/**
 * Reads a sharded index (table-definition.ts) as one: a k-way merge of the shards' queries by
 * sort key. Every sort key is unique, so the merged order is total and the same whatever the
 * shard count; a shard is queried only when the merge needs its next entry, a page of
 * `batch` entries at a time, all shards that need one in parallel (one round).
 *
 * Each shard keeps its own position: the last sort key the merge took from it (or evaluated
 * past, when a filter dropped entries or a page ended on a dropped one), `null` before its
 * first entry, `done` once it ran out. Entries read but not yet taken are not part of the
 * position, so a merge resumed from `positions()` reads them again and skips nothing.
 */
export interface ShardEntry<T> {
  readonly key: string;
  readonly value: T;
}

export interface ShardPage<T> {
  readonly entries: readonly ShardEntry<T>[];
  /** The sort key the query evaluated up to when more may follow (its LastEvaluatedKey); null at the end. */
  readonly lastKey: string | null;
}

/** `null`: from the start; `done`: ran out; a sort key: resume after it. */
export type ShardPosition = string | null | 'done';

export interface ShardMergeOptions<T> {
  readonly shards: number;
  readonly order: 'asc' | 'desc';
  /** Up to `limit` entries of one shard after `after` (exclusive), in `order`. */
  readonly fetch: (shard: number, after: string | null, limit: number) => Promise<ShardPage<T>>;
  /** Entries per shard query. */
  readonly batch: number;
  /** Where each shard resumes (one per shard); from the start when absent. */
  readonly start?: readonly ShardPosition[];
}

interface ShardState<T> {
  readonly shard: number;
  /** Last key taken or evaluated past. */
  position: string | null;
  buffer: ShardEntry<T>[];
  /** Where the last query stopped evaluating, when more may follow. */
  evaluatedTo: string | null;
  more: boolean;
}

export class ShardMerge<T> {
  private readonly options: ShardMergeOptions<T>;
  private readonly states: ShardState<T>[];
  private roundsRun = 0;

  constructor(options: ShardMergeOptions<T>) {
    if (options.start !== undefined && options.start.length !== options.shards) throw new RangeError(`expected ${options.shards} shard positions, got ${options.start.length}`);
    this.options = options;
    this.states = Array.from({ length: options.shards }, (_, shard) => {
      const start = options.start?.[shard] ?? null;
      return { shard, position: start === 'done' ? null : start, buffer: [], evaluatedTo: null, more: start !== 'done' };
    });
  }

  /** Query rounds run so far. */
  get rounds(): number {
    return this.roundsRun;
  }

  /**
   * The next entry in order, without taking it; null once every shard ran out; `paused` when
   * finding it would need a query round beyond `maxRounds` (the merge can go on with a higher
   * limit, or be resumed later from `positions()`).
   */
  async peek(maxRounds = Number.POSITIVE_INFINITY): Promise<ShardEntry<T> | null | 'paused'> {
    const best = await this.bestShard(maxRounds);
    return best === null || best === 'paused' ? best : (best.buffer[0] as ShardEntry<T>);
  }

  /** The next entry in order, taken: what `peek` answers, and the merge moves past it. */
  async next(maxRounds = Number.POSITIVE_INFINITY): Promise<ShardEntry<T> | null | 'paused'> {
    const best = await this.bestShard(maxRounds);
    if (best === null || best === 'paused') return best;
    const entry = best.buffer.shift() as ShardEntry<T>;
    best.position = entry.key;
    if (best.buffer.length === 0 && best.evaluatedTo !== null) best.position = best.evaluatedTo;
    return entry;
  }

  private async bestShard(maxRounds: number): Promise<ShardState<T> | null | 'paused'> {
    for (;;) {
      const empty = this.states.filter((state) => state.buffer.length === 0 && state.more);
      if (empty.length === 0) break;
      if (this.roundsRun >= maxRounds) return 'paused';
      this.roundsRun += 1;
      await Promise.all(empty.map((state) => this.fill(state)));
    }
    let best: ShardState<T> | null = null;
    for (const state of this.states) {
      const head = state.buffer[0];
      if (head === undefined) continue;
      const bestHead = best?.buffer[0];
      if (bestHead === undefined || this.before(head.key, bestHead.key)) best = state;
    }
    return best;
  }

  /** Where each shard would resume: what was taken is behind it, nothing else. */
  positions(): ShardPosition[] {
    return this.states.map((state) => (state.buffer.length === 0 && !state.more ? 'done' : state.position));
  }

  /** Whether every shard ran out and every entry read was taken. */
  get finished(): boolean {
    return this.states.every((state) => state.buffer.length === 0 && !state.more);
  }

  private async fill(state: ShardState<T>): Promise<void> {
    const page = await this.options.fetch(state.shard, state.position, this.options.batch);
    state.buffer = [...page.entries];
    state.evaluatedTo = page.lastKey;
    state.more = page.lastKey !== null;
    // Nothing kept, but evaluated up to lastKey (a filter dropped all): resume after it.
    if (state.buffer.length === 0 && page.lastKey !== null) state.position = page.lastKey;
  }

  private before(a: string, b: string): boolean {
    return this.options.order === 'asc' ? a < b : a > b;
  }
}
