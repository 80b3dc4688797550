/**
 * Reads a Prometheus text exposition back into samples, so tests check what a scraper reads
 * rather than prom-client's objects. Strict: a line that is neither a comment nor
 * `name{label="value",...} number` fails the test. (Prometheus's own parser checks the same
 * text in the end-to-end test and with `promtool check metrics`.)
 */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export class Exposition {
  readonly samples: readonly Sample[];
  /** `# TYPE` of each metric family. */
  readonly types: ReadonlyMap<string, string>;

  constructor(text: string) {
    const samples: Sample[] = [];
    const types = new Map<string, string>();
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('# HELP ')) continue;
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) {
        types.set(type[1] as string, type[2] as string);
        continue;
      }
      const match = SAMPLE.exec(line);
      if (match === null) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map((m) => [m[1], m[2]]));
      samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
    }
    this.samples = samples;
    this.types = types;
  }

  /** Every sample of `name` whose labels include `labels`. */
  all(name: string, labels: Readonly<Record<string, string>> = {}): Sample[] {
    return this.samples.filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
  }

  /** The value of the one sample of `name` with these labels. */
  value(name: string, labels: Readonly<Record<string, string>> = {}): number {
    const matching = this.all(name, labels);
    if (matching.length !== 1) throw new Error(`${matching.length} samples of ${name} match ${JSON.stringify(labels)}`);
    return (matching[0] as Sample).value;
  }

  /** Count, sum and cumulative buckets (by `le`) of the histogram series of `name` with these labels. */
  histogram(name: string, labels: Readonly<Record<string, string>>): { count: number; sum: number; buckets: Record<string, number> } {
    const buckets = Object.fromEntries(this.all(`${name}_bucket`, labels).map((s) => [s.labels['le'] as string, s.value]));
    return { count: this.value(`${name}_count`, labels), sum: this.value(`${name}_sum`, labels), buckets };
  }
}
