/**
 * The Lambda bundles: each entry point bundled with esbuild exactly as the CDK stack bundles it
 * (the options come from infra/aws/bundling.ts), then
 * - its size: the minified `.mjs` with everything it bundles (`@aws-sdk/*` excepted, which the
 *   Lambda runtime provides); goal under 300 KB;
 * - its import time in a fresh Node process, median of several: the composition root runs at
 *   import, so this includes reading the secret (from a loopback stand-in for Secrets Manager)
 *   and checking the embedded configuration. Measured twice: after a warm-up of what any
 *   process pays first (SDK clients loaded and one request made, time zone data loaded: see
 *   warmUpScript), which leaves what the bundle itself adds to a cold start ("own code", goal
 *   under 50 ms); and in a fresh process ("cold", the SDK resolved from node_modules as Lambda
 *   resolves its own). Both run with `NODE_OPTIONS=--enable-source-maps`, as deployed.
 *
 * Run alone: npx tsx bench/bundles.bench.ts
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { BOOT_CONFIG_FILE, BOOT_SECRETS } from '../infra/aws/boot/boot-fixture.ts';
import { BOOT_SECRET_ARN, bootEnvironment } from '../infra/aws/boot/boot-environment.ts';
import { startSecretsStandIn } from '../infra/aws/boot/secrets-stand-in.ts';
import { bundleSettings, esbuildBuildOptions } from '../infra/aws/bundling.ts';
import { ENTRY_NAMES, entryPath, PROJECT_ROOT, type EntryName } from '../infra/aws/entries.ts';
import type { BenchResult } from './bench-result.ts';
import { median, printResults } from './bench-result.ts';

const RUNS = 7;
const SIZE_GOAL_KB = 300;
const IMPORT_GOAL_MS = 50;
/** Under node_modules so the bundles resolve `@aws-sdk/*` from the project, as on Lambda from the runtime. */
const OUT_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'sla-watch', 'bundles');

const run = promisify(execFile);

interface Bundle {
  readonly name: EntryName;
  readonly file: string;
  readonly bytes: number;
  readonly mapBytes: number;
  /** The external modules the bundle imports (the SDK clients). */
  readonly externals: readonly string[];
}

async function bundle(name: EntryName, configJson: string): Promise<Bundle> {
  const file = join(OUT_DIR, name, 'index.mjs');
  const result = await build({ ...esbuildBuildOptions(bundleSettings(configJson), entryPath(name), file), metafile: true });
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
  const externals = [...new Set((output?.imports ?? []).filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path))];
  return { name, file, bytes: statSync(file).size, mapBytes: statSync(`${file}.map`).size, externals };
}

/**
 * What every process pays before it serves anything, whoever's code it runs: loading the SDK
 * clients, their first request (the SDK loads its credential and signing code lazily), and the
 * runtime's time zone data (the first Intl.DateTimeFormat in a zone). Done before the clock
 * starts in the "own code" measurement.
 */
function warmUpScript(target: Bundle): string {
  return [
    `const sdk = await Promise.all(${JSON.stringify(target.externals)}.map((m) => import(m)));`,
    "const sm = sdk.find((m) => 'GetSecretValueCommand' in m);",
    'for (const m of sdk) for (const [k, C] of Object.entries(m)) if (k.endsWith("Client") && k !== "Client" && typeof C === "function") new C({});',
    'if (sm) await new sm.SecretsManagerClient({}).send(new sm.GetSecretValueCommand({ SecretId: process.env.SLA_WATCH_SECRET_ARN }));',
    "new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin' }).format(0);",
  ].join(' ');
}

/** Milliseconds to import the bundle in a new process, optionally after the warm-up above. */
async function importMs(target: Bundle, env: Record<string, string>, warm: boolean): Promise<number> {
  const script = [
    warm ? warmUpScript(target) : '',
    'const t = performance.now();',
    `await import(${JSON.stringify(pathToFileURL(target.file).href)});`,
    'console.log(performance.now() - t);',
    // Keep-alive sockets of the SDK would hold the process open.
    'process.exit(0);',
  ].join(' ');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, env });
  const ms = Number(stdout.trim().split('\n').at(-1));
  if (!Number.isFinite(ms)) throw new Error(`bundle ${target.name} printed no time: ${stdout}`);
  return ms;
}

async function medianOf(runs: number, sample: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  // One at a time: parallel processes would compete for the same cores and inflate each other.
  for (let i = 0; i < runs; i += 1) samples.push(await sample());
  return median(samples);
}

export async function benchBundles(): Promise<BenchResult[]> {
  const standIn = await startSecretsStandIn({ [BOOT_SECRET_ARN]: JSON.stringify(BOOT_SECRETS) });
  const env = bootEnvironment(standIn.endpoint);
  const results: BenchResult[] = [];
  try {
    for (const name of ENTRY_NAMES) {
      const target = await bundle(name, JSON.stringify(BOOT_CONFIG_FILE));
      const own = await medianOf(RUNS, () => importMs(target, env, true));
      const cold = await medianOf(RUNS, () => importMs(target, env, false));
      const kb = target.bytes / 1024;
      results.push(
        { name: `bundle ${name}: size`, value: Math.round(kb * 10) / 10, unit: 'KB', detail: `goal < ${SIZE_GOAL_KB} KB; source map ${Math.round(target.mapBytes / 1024)} KB` },
        { name: `bundle ${name}: import, own code`, value: own, unit: 'ms', detail: `median of ${RUNS}, after SDK and time zone warm-up; goal < ${IMPORT_GOAL_MS} ms` },
        { name: `bundle ${name}: import, cold`, value: cold, unit: 'ms', detail: `median of ${RUNS}, fresh process; loads ${target.externals.length} SDK clients` },
      );
    }
  } finally {
    await standIn.stop();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchBundles());
}
