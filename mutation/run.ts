/**
 * `npm run mutation`: Stryker over the core (shared/domain and shared/intake), one folder at a
 * time, against the fast suites only. Prints each folder's score and wall time, then one table.
 * Name folders to run only those: `npm run mutation -- calendar intake`; `--concurrency N` runs N
 * test runners at once (the config's 1 by default: each runner takes a core).
 *
 * `--survivors` re-tests, for each folder named, only the lines holding the survivors of its last
 * full run (reports/mutation/<folder>/mutation.json), after tests were written for them: minutes
 * instead of the folder's full run. It prints the folder's score with the re-tested mutants'
 * new results and the other mutants' results of that full run, and leaves the full run's report
 * and incremental results as they were (its own go to reports/mutation/<folder>/survivors-rerun).
 *
 * A survivor listed in equivalent-mutants.md (a mutant no test can tell from the original) is
 * counted as killed in the "score" column; Stryker's own score is printed beside it. Survivors
 * not listed are printed with the key to list them by, so a gap is never hidden as noise.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult, MutantStatus } from '@stryker-mutator/api/core';
import { mutantKey, readEquivalents, type Equivalent } from './equivalents.ts';

const here = import.meta.dirname;
const root = join(here, '..');

/** Every folder of the core, by a short name: the domain's subfolders, its loose files, intake. */
function coreFolders(): Record<string, string[]> {
  const folders: Record<string, string[]> = {};
  const domain = join(root, 'shared/domain');
  for (const entry of readdirSync(domain).sort()) {
    if (statSync(join(domain, entry)).isDirectory()) folders[entry] = [`shared/domain/${entry}/**/*.ts`];
  }
  folders['domain-root'] = ['shared/domain/*.ts'];
  folders.intake = ['shared/intake/**/*.ts'];
  return folders;
}

/** The short folder name a source file is scored under. */
function folderOf(file: string): string {
  if (file.startsWith('shared/intake/')) return 'intake';
  const inDomain = /^shared\/domain\/([^/]+)\//.exec(file);
  return inDomain?.[1] ?? 'domain-root';
}

interface FolderScore {
  folder: string;
  mutants: number;
  detected: number;
  equivalent: number;
  undetected: ReportedMutant[];
  seconds: number;
  /** The 1-minute load average sampled while the folder ran: wall times mean little without it. */
  load: { mean: number; max: number };
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Samples the 1-minute load average every 10 s until stopped. */
function sampleLoad(): () => { mean: number; max: number } {
  const samples = [loadavg()[0] as number];
  const timer = setInterval(() => samples.push(loadavg()[0] as number), 10_000);
  return () => {
    clearInterval(timer);
    samples.push(loadavg()[0] as number);
    return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, max: Math.max(...samples) };
  };
}

/** A mutant as the JSON report of an earlier run keeps it: enough to name it and know its status. */
type ReportedMutant = Pick<MutantResult, 'fileName' | 'mutatorName' | 'replacement' | 'location' | 'status'>;

/** The mutants of a folder's last full run, from its JSON report; null when it has none. */
function lastFullRun(folder: string): ReportedMutant[] | null {
  const file = join(root, `reports/mutation/${folder}/mutation.json`);
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    files: Record<string, { mutants: { mutatorName: string; replacement: string; location: MutantResult['location']; status: MutantStatus }[] }>;
  };
  return Object.entries(report.files).flatMap(([fileName, { mutants }]) => mutants.map((m) => ({ ...m, fileName })));
}

/** Stryker mutation ranges (`file:first-last`) covering the lines of every survivor of `mutants`. */
function survivorRanges(mutants: readonly ReportedMutant[]): string[] {
  const ranges = new Set<string>();
  for (const m of mutants) {
    if (UNDETECTED.has(m.status)) ranges.add(`${m.fileName}:${m.location.start.line}-${m.location.end.line}`);
  }
  return [...ranges].sort();
}

/** Whether mutant `m` lies within one of the `file:first-last` ranges. */
function onLines(m: ReportedMutant, ranges: readonly string[]): boolean {
  return ranges.some((range) => {
    const [file, first, last] = /^(.*):(\d+)-(\d+)$/.exec(range)?.slice(1) ?? [];
    return m.fileName === file && m.location.start.line >= Number(first) && m.location.end.line <= Number(last);
  });
}

async function runFolder(
  folder: string,
  mutate: string[],
  equivalents: Map<string, Equivalent>,
  concurrency: number | undefined,
  rerunOf: readonly ReportedMutant[] | null = null,
): Promise<FolderScore> {
  const started = Date.now();
  const stopSampling = sampleLoad();
  let load = { mean: 0, max: 0 };
  const out = rerunOf === null ? `reports/mutation/${folder}` : `reports/mutation/${folder}/survivors-rerun`;
  const stryker = new Stryker({
    configFile: join(here, 'stryker.config.json'),
    mutate,
    ...(concurrency === undefined ? {} : { concurrency }),
    appendPlugins: [join(here, 'survivor-reporter.mjs')],
    reporters: ['html', 'json', 'progress', 'survivors'],
    htmlReporter: { fileName: `${out}/index.html` },
    jsonReporter: { fileName: `${out}/mutation.json` },
    // A re-run of some lines must not replace the folder's incremental results with its few.
    ...(rerunOf === null ? { incrementalFile: `${out}/incremental.json` } : { incremental: false }),
  });
  const rerun = await stryker.runMutationTest().finally(() => {
    load = stopSampling();
  });
  const seconds = (Date.now() - started) / 1000;
  // After a re-run: the full run's mutants off the re-tested lines, and the re-run's own (a line
  // changed since, e.g. by a fix, has other mutants now).
  const results = rerunOf === null ? rerun : [...rerunOf.filter((m) => !onLines(m, mutate)), ...rerun];
  if (rerunOf !== null) console.log(`${folder}: re-tested ${rerun.length} mutants on the lines of the last full run's survivors`);
  const valid = results.filter((r) => DETECTED.has(r.status) || UNDETECTED.has(r.status));
  const survivors = valid.filter((r) => UNDETECTED.has(r.status));
  const undetected: ReportedMutant[] = [];
  for (const survivor of survivors) {
    const listed = equivalents.get(mutantKey(survivor));
    if (listed) listed.matched = true;
    else undetected.push(survivor);
  }
  return {
    folder,
    mutants: valid.length,
    detected: valid.length - survivors.length,
    equivalent: survivors.length - undetected.length,
    undetected,
    seconds,
    load,
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** `--concurrency N` (or `--concurrency=N`) and folder names, in any order. */
function parseArguments(args: string[]): { wanted: string[]; concurrency: number | undefined; survivors: boolean } {
  const wanted: string[] = [];
  let concurrency: number | undefined;
  let survivors = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const inline = /^--concurrency=(.*)$/.exec(arg);
    if (arg === '--survivors') {
      survivors = true;
    } else if (arg === '--concurrency' || inline) {
      const value = inline ? inline[1] : args[++i];
      concurrency = Number(value);
      if (!Number.isInteger(concurrency) || concurrency < 1) {
        console.error(`--concurrency must be a whole number >= 1, got ${JSON.stringify(value ?? '')}`);
        process.exit(1);
      }
    } else {
      wanted.push(arg);
    }
  }
  return { wanted, concurrency, survivors };
}

const folders = coreFolders();
const { wanted, concurrency, survivors } = parseArguments(process.argv.slice(2));
const unknown = wanted.filter((name) => !(name in folders));
if (unknown.length > 0) {
  console.error(`unknown folder(s): ${unknown.join(', ')}; known: ${Object.keys(folders).join(', ')}`);
  process.exit(1);
}
if (survivors && wanted.length === 0) {
  console.error('--survivors needs the folders to re-test named: npm run mutation -- --survivors timers report');
  process.exit(1);
}
const equivalents = readEquivalents(readFileSync(join(here, 'equivalent-mutants.md'), 'utf8'));

const scores: FolderScore[] = [];
// In the order asked for, or all of them.
for (const folder of wanted.length > 0 ? wanted : Object.keys(folders)) {
  const full = survivors ? lastFullRun(folder) : null;
  if (survivors && full === null) {
    console.log(`${folder}: not measured: no full run to take survivors from (reports/mutation/${folder}/mutation.json)`);
    process.exitCode = 1;
    continue;
  }
  const mutate = full === null ? (folders[folder] ?? []) : survivorRanges(full);
  if (mutate.length === 0) {
    console.log(`${folder}: no survivors in its last full run: nothing to re-test`);
    continue;
  }
  console.error(`mutating ${mutate.join(' ')}...`);
  let score: FolderScore;
  try {
    score = await runFolder(folder, mutate, equivalents, concurrency, full);
  } catch (error) {
    // Stryker says why (e.g. a test failing without any mutant); the other folders still run.
    console.log(`${folder}: not measured: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    continue;
  }
  scores.push(score);
  for (const mutant of score.undetected) {
    console.log(`  survived: ${mutantKey(mutant)}`);
  }
  console.log(
    `${folder}: ${percent(score.detected + score.equivalent, score.mutants)} ` +
      `(${score.undetected.length} undetected, ${score.equivalent} listed equivalent, ${score.seconds.toFixed(0)} s, ` +
      `load average ${score.load.mean.toFixed(1)}, at most ${score.load.max.toFixed(1)}); ` +
      `report: reports/mutation/${folder}/index.html`,
  );
}

const ran = new Set(scores.map((s) => s.folder));
for (const entry of equivalents.values()) {
  if (ran.has(folderOf(entry.file)) && !entry.matched) {
    console.log(`listed as equivalent but not a survivor of this run (a stale entry?): ${entry.key}`);
  }
}

console.log('');
console.log('| folder | mutants | killed | listed equivalent | survived | Stryker score | score | wall time | load average (mean, max) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const s of scores) {
  console.log(
    `| ${s.folder} | ${s.mutants} | ${s.detected} | ${s.equivalent} | ${s.undetected.length} | ` +
      `${percent(s.detected, s.mutants)} | ${percent(s.detected + s.equivalent, s.mutants)} | ${s.seconds.toFixed(0)} s | ` +
      `${s.load.mean.toFixed(1)}, ${s.load.max.toFixed(1)} |`,
  );
}
