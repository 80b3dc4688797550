/**
 * A CLI command: a name, a one-line summary for `help`, its usage text, and `run`, which
 * returns the process exit code. Commands write through `CliIo` rather than to the process,
 * so tests run them in-process and read what they printed; they throw UsageError for bad
 * arguments and let ConfigError through, and run-cli.ts turns both into exit code 1.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Environment variables (from shared/config/environment.ts, or a test's own). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Shown by `help <name>` and after a usage error: the synopsis and each option. */
  readonly usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Arguments the command cannot work with; the message says which and why. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
