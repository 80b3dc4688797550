/**
 * What the cost run counts, by name, and the meter that counts it. Every billable operation the
 * run performs adds to a named counter; the meter keeps a total per scope (what the alerts
 * themselves cause, the sweeper's runs, the daily report's runs) and, while `measure` runs,
 * the counts of that one run, so a fixed monthly cost (an empty sweep) can be told apart from
 * the part that grows with the number of alerts.
 *
 * The run is sequential (one simulated event at a time), so "the current scope" is simply the
 * innermost `measure` in progress.
 */
export type Counter =
  | 'http.requests'
  | 'lambda.api'
  | 'lambda.timer'
  | 'lambda.sweeper'
  | 'lambda.report'
  | 'scheduler.invocations'
  | 'scheduler.create'
  | 'scheduler.delete'
  | 'ses.calls'
  | 'ses.emails'
  | 'slack.posts'
  | 'ddb.requests'
  | 'ddb.rru.table'
  | 'ddb.rru.index'
  | 'ddb.wru.table'
  | 'ddb.wru.index'
  | 'ddb.conditionFailures'
  | 'logs.bytes'
  | `ddb.call.${string}`
  | `ddb.wru.index.${string}`
  | `ddb.rru.index.${string}`
  | `http.route.${string}`
  | `timer.fired.${string}`
  | `notify.${string}`;

export type Scope = 'alerts' | 'sweep' | 'report';
export const SCOPES: readonly Scope[] = ['alerts', 'sweep', 'report'];

/** Named amounts; absent names are 0. Immutable: every operation returns a new Counts. */
export class Counts {
  private readonly values: ReadonlyMap<Counter, number>;

  constructor(values: Iterable<readonly [Counter, number]> = []) {
    this.values = new Map(values);
  }

  get(counter: Counter): number {
    return this.values.get(counter) ?? 0;
  }

  /** Every counter whose name starts with `prefix`, with the rest of its name. */
  withPrefix(prefix: string): [string, number][] {
    return [...this.values].filter(([name]) => name.startsWith(prefix)).map(([name, value]) => [name.slice(prefix.length), value]);
  }

  entries(): [Counter, number][] {
    return [...this.values];
  }

  plus(other: Counts): Counts {
    return this.combine(other, (a, b) => a + b);
  }

  minus(other: Counts): Counts {
    return this.combine(other, (a, b) => a - b);
  }

  times(factor: number): Counts {
    return new Counts([...this.values].map(([name, value]) => [name, value * factor]));
  }

  private combine(other: Counts, op: (a: number, b: number) => number): Counts {
    const names = new Set<Counter>([...this.values.keys(), ...other.values.keys()]);
    return new Counts([...names].map((name) => [name, op(this.get(name), other.get(name))]));
  }
}

/** The average of several runs' counts (an empty Counts when there are none). */
export function average(runs: readonly Counts[]): Counts {
  if (runs.length === 0) return new Counts();
  return runs.reduce((sum, run) => sum.plus(run), new Counts()).times(1 / runs.length);
}

class MutableCounts {
  readonly values = new Map<Counter, number>();

  add(counter: Counter, amount: number): void {
    this.values.set(counter, (this.values.get(counter) ?? 0) + amount);
  }
}

export class Meter {
  private readonly totals = new Map<Scope, MutableCounts>(SCOPES.map((scope) => [scope, new MutableCounts()]));
  private readonly active: { scope: Scope; counts: MutableCounts }[] = [];

  /** Adds to the current scope (`alerts` outside any `measure`) and to every run being measured. */
  count(counter: Counter, amount = 1): void {
    const scope = this.active.at(-1)?.scope ?? 'alerts';
    this.totals.get(scope)?.add(counter, amount);
    for (const run of this.active) run.counts.add(counter, amount);
  }

  /** Runs `work` with its operations counted in `scope`, and returns them apart as well. */
  async measure<T>(scope: Scope, work: () => Promise<T>): Promise<{ result: T; counts: Counts }> {
    const run = { scope, counts: new MutableCounts() };
    this.active.push(run);
    try {
      const result = await work();
      return { result, counts: new Counts(run.counts.values) };
    } finally {
      this.active.splice(this.active.indexOf(run), 1);
    }
  }

  total(scope: Scope): Counts {
    return new Counts(this.totals.get(scope)?.values ?? []);
  }
}
