/**
 * A Stryker reporter that appends each mutant no test noticed to `survivors.txt` beside the
 * folder's JSON report as soon as it is found, in the key form of equivalent-mutants.md, so a
 * long run can be worked on while it goes. Plain JavaScript: Stryker also loads its plugins in
 * its test runner processes, which run plain Node.
 */
import process from 'node:process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { commonTokens, declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

class SurvivorReporter {
  static inject = [commonTokens.options];

  constructor(options) {
    this.file = join(dirname(options.jsonReporter.fileName), 'survivors.txt');
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, '');
  }

  onMutantTested(result) {
    if (result.status !== 'Survived' && result.status !== 'NoCoverage') return;
    // The same key as equivalents.ts's mutantKey, which the run's summary prints.
    const { line, column } = result.location.start;
    const replacement = (result.replacement ?? '').replace(/\s+/g, ' ').trim();
    appendFileSync(this.file, `${relative(process.cwd(), result.fileName)}:${line}:${column} ${result.mutatorName} → ${replacement}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'survivors', SurvivorReporter)];
