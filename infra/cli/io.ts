/** The real process behind CliIo: stdout, stderr and the environment as read in one place. */
import { readEnvironment } from '../../shared/config/environment.ts';
import type { CliIo } from './command.ts';

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: readEnvironment().variables,
  };
}
