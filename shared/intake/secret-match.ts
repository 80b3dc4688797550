/**
 * Comparing a presented secret with the configured ones without leaking, through timing, how
 * much of it was right or which one matched. Both sides are hashed with SHA-256 first, so
 * `timingSafeEqual` always compares 32 bytes whatever the lengths, and every candidate is
 * compared with every secret with no early exit.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** True when any candidate equals any secret. Empty secrets never match. */
export function anySecretMatches(candidates: readonly string[], secrets: readonly string[]): boolean {
  let matched = false;
  for (const candidate of candidates) {
    const presented = digest(candidate);
    for (const secret of secrets) {
      // The comparison is the first operand, so it runs for every pair whatever matched before.
      matched = (timingSafeEqual(presented, digest(secret)) && secret !== '') || matched;
    }
  }
  return matched;
}

/** The index of the first entry whose secrets include `candidate`, -1 if none; all entries are compared. */
export function indexOfSecretOwner(candidate: string, owners: readonly (readonly string[])[]): number {
  let found = -1;
  owners.forEach((secrets, index) => {
    if (anySecretMatches([candidate], secrets) && found === -1) found = index;
  });
  return found;
}
