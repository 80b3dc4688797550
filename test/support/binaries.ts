/**
 * End-to-end tests that need a Debian binary (Alertmanager, Chromium) skip with a clear message
 * when it is missing; CI sets SLA_WATCH_REQUIRE_E2E=1, which turns that skip into a failure.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findBinary(names: readonly string[]): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this directory; keep looking
      }
    }
  }
  return null;
}

/**
 * The binary's path, or null after printing why the tests that need it are skipped. Throws
 * when SLA_WATCH_REQUIRE_E2E=1, so CI cannot pass without having run them.
 */
export function binaryOrSkip(names: readonly string[], install: string): string | null {
  const found = findBinary(names);
  if (found) return found;
  const message = `${names[0]} not found on PATH: install it with \`${install}\` to run these end-to-end tests`;
  if (process.env.SLA_WATCH_REQUIRE_E2E === '1') throw new Error(`${message} (SLA_WATCH_REQUIRE_E2E=1)`);
  console.warn(`SKIPPED: ${message}`);
  return null;
}
