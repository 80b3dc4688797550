/**
 * The list of equivalent mutants (equivalent-mutants.md), one a line:
 *
 *   - `shared/intake/x.ts:12:7 EqualityOperator → a <= b` — why no test can tell it apart
 *
 * A mutant is named by its file, the 1-based line and column where it starts, Stryker's
 * mutator and its replacement with whitespace collapsed: the key `npm run mutation` prints
 * for every survivor, so listing one is a copy and a reason.
 */
import { relative } from 'node:path';
import type { MutantResult } from '@stryker-mutator/api/core';

export interface Equivalent {
  key: string;
  file: string;
  reason: string;
  /** Set when a survivor of the current run matched this entry. */
  matched: boolean;
}

const ENTRY = /^- `(?<key>(?<file>[^:`]+):\d+:\d+ \w+ → .*)` — (?<reason>.+)$/;

export function mutantKey(mutant: Pick<MutantResult, 'fileName' | 'location' | 'mutatorName' | 'replacement'>): string {
  const file = relative(process.cwd(), mutant.fileName);
  const { line, column } = mutant.location.start;
  const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').trim();
  return `${file}:${line}:${column} ${mutant.mutatorName} → ${replacement}`;
}

export function readEquivalents(markdown: string): Map<string, Equivalent> {
  const entries = new Map<string, Equivalent>();
  for (const line of markdown.split('\n')) {
    const match = ENTRY.exec(line);
    if (!match?.groups) continue;
    const { key, file, reason } = match.groups as { key: string; file: string; reason: string };
    entries.set(key, { key, file, reason, matched: false });
  }
  return entries;
}
