/**
 * Runs one Lambda bundle as the Lambda runtime would, in a fresh Node process: import the
 * module (the composition root composes, reading its secret), then call `handler(event)` once.
 * Answers what the invocation returned or threw, or how the cold start failed.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../infra/aws/entries.ts';

export type Invocation =
  | { readonly kind: 'result'; readonly value: unknown; readonly logs: readonly Record<string, unknown>[] }
  | { readonly kind: 'error'; readonly name: string; readonly message: string; readonly details?: readonly string[] }
  | { readonly kind: 'init-error'; readonly name: string; readonly message: string };

const MARKER = '@@invocation@@';

const SCRIPT = `
const marker = ${JSON.stringify(MARKER)};
const said = (value) => { console.log(marker + JSON.stringify(value)); process.exit(0); };
let mod;
try { mod = await import(process.env.SLA_WATCH_TEST_BUNDLE); }
catch (e) { said({ kind: 'init-error', name: e.name, message: e.message }); }
try { said({ kind: 'result', value: await mod.handler(JSON.parse(process.env.SLA_WATCH_TEST_EVENT), {}) }); }
catch (e) { said({ kind: 'error', name: e.name, message: e.message, details: e.details }); }
`;

export async function invokeBundle(bundleFile: string, env: Readonly<Record<string, string>>, event: unknown): Promise<Invocation> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: PROJECT_ROOT,
    env: { ...env, SLA_WATCH_TEST_BUNDLE: pathToFileURL(bundleFile).href, SLA_WATCH_TEST_EVENT: JSON.stringify(event ?? null) },
  });
  const lines = stdout.split('\n');
  const answer = lines.find((line) => line.startsWith(MARKER));
  if (answer === undefined) throw new Error(`the bundle said nothing: ${stdout}`);
  const invocation = JSON.parse(answer.slice(MARKER.length)) as Invocation;
  if (invocation.kind !== 'result') return invocation;
  // Everything else on stdout is the JSON logger's lines.
  const logs = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...invocation, logs };
}
