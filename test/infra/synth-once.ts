/**
 * The stack as the infra tests see it, synthesized once per test file (bundling nine functions
 * takes seconds): the fixture configuration, a sender and SES identity from context as a
 * deployment would pass them, and the cloud assembly in a temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildApp, type BuiltApp } from '../../infra/aws/build-app.ts';

export const FIXTURE_CONFIG = fileURLToPath(new URL('./fixtures/sla-watch.yml', import.meta.url));

/** The context of cdk.json (the feature flags `cdk deploy` synthesizes with), so tests see what deploys. */
export function cdkJsonContext(): Record<string, unknown> {
  const file = JSON.parse(readFileSync(fileURLToPath(new URL('../../cdk.json', import.meta.url)), 'utf8')) as { context?: Record<string, unknown> };
  return file.context ?? {};
}

export const TEST_CONTEXT = {
  config: FIXTURE_CONFIG,
  stackName: 'sla-watch-test',
  sender: 'SLA Watch <alerts@mail.example.org>',
  sesIdentity: 'mail.example.org',
  sesConfigurationSet: 'sla-watch-events',
} as const;

export interface Synthesized extends BuiltApp {
  readonly assembly: CloudAssembly;
  readonly template: Template;
  /** Removes the cloud assembly (bundles included) from disk. */
  dispose(): void;
}

export async function synthOnce(): Promise<Synthesized> {
  const outdir = mkdtempSync(join(tmpdir(), 'sla-watch-cdk-'));
  const built = await buildApp({ context: { ...cdkJsonContext(), ...TEST_CONTEXT }, outdir });
  // app.synth() runs the validation plugins (cdk-nag): an unacknowledged finding throws here.
  const assembly = built.app.synth();
  return { ...built, assembly, template: Template.fromStack(built.stack), dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}
