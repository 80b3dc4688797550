/**
 * `npm run mutation`: Stryker over the core (shared/domain and shared/intake), one folder at a
 * time, against the fast suites only. Prints each folder's score and wall time, then one table.
 * Name folders to run only those: `npm run mutation -- calendar intake`; `--concurrency N` runs N
 * test runners at once (the config's 1 by default: each runner takes a core).
 *
 * A survivor listed in equivalent-mutants.md (a mutant no test can tell from the original) is
 * counted as killed in the "score" column; Stryker's own score is printed beside it. Survivors
 * not listed are printed with the key to list them by, so a gap is never hidden as noise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult } from '@stryker-mutator/api/core';
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
  undetected: MutantResult[];
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

async function runFolder(folder: string, mutate: string[], equivalents: Map<string, Equivalent>, concurrency: number | undefined): Promise<FolderScore> {
  const started = Date.now();
  const stopSampling = sampleLoad();
  let load = { mean: 0, max: 0 };
  const stryker = new Stryker({
    configFile: join(here, 'stryker.config.json'),
    mutate,
    ...(concurrency === undefined ? {} : { concurrency }),
    appendPlugins: [join(here, 'survivor-reporter.mjs')],
    reporters: ['html', 'json', 'progress', 'survivors'],
    htmlReporter: { fileName: `reports/mutation/${folder}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${folder}/mutation.json` },
    incrementalFile: `reports/mutation/${folder}/incremental.json`,
  });
  const results = await stryker.runMutationTest().finally(() => {
    load = stopSampling();
  });
  const seconds = (Date.now() - started) / 1000;
  const valid = results.filter((r) => DETECTED.has(r.status) || UNDETECTED.has(r.status));
  const survivors = valid.filter((r) => UNDETECTED.has(r.status));
  const undetected: MutantResult[] = [];
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
function parseArguments(args: string[]): { wanted: string[]; concurrency: number | undefined } {
  const wanted: string[] = [];
  let concurrency: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const inline = /^--concurrency=(.*)$/.exec(arg);
    if (arg === '--concurrency' || inline) {
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
  return { wanted, concurrency };
}

const folders = coreFolders();
const { wanted, concurrency } = parseArguments(process.argv.slice(2));
const unknown = wanted.filter((name) => !(name in folders));
if (unknown.length > 0) {
  console.error(`unknown folder(s): ${unknown.join(', ')}; known: ${Object.keys(folders).join(', ')}`);
  process.exit(1);
}
const equivalents = readEquivalents(readFileSync(join(here, 'equivalent-mutants.md'), 'utf8'));

const scores: FolderScore[] = [];
// In the order asked for, or all of them.
for (const folder of wanted.length > 0 ? wanted : Object.keys(folders)) {
  const mutate = folders[folder] ?? [];
  console.error(`mutating ${mutate.join(' ')}...`);
  let score: FolderScore;
  try {
    score = await runFolder(folder, mutate, equivalents, concurrency);
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
