/**
 * The Lambda entry points, by name, as absolute paths: the stack bundles these, and the bundle
 * benchmark bundles the same ones. Each HTTP route group has its own entry (`api-<group>`), so
 * its bundle carries only its routes.
 */
import { fileURLToPath } from 'node:url';

const functionsDir = fileURLToPath(new URL('../../functions/', import.meta.url));

export const ENTRY_NAMES = ['api-intake', 'api-alerts', 'api-console', 'api-ack', 'api-reports', 'api-metrics', 'at-risk', 'breach', 'reminder', 'sweeper', 'report', 'ses-feedback', 'sender'] as const;
export type EntryName = (typeof ENTRY_NAMES)[number];

export function entryPath(name: EntryName): string {
  return `${functionsDir}${name}.ts`;
}

/** The repository root, where package-lock.json is (NodejsFunction's project root). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
