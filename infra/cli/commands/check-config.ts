/**
 * `sla-watch check-config [PATH]`: validates a configuration file and either lists every
 * problem with its path (exit 1) or prints a one-screen summary of the policy it configures
 * (exit 0). Without a path it checks what `start` would load: `--config`, else
 * SLA_WATCH_CONFIG, else ./sla-watch.yml (the defaults when that is absent).
 */
import { loadConfig } from '../../../shared/config/load-config.ts';
import { summarizeConfig } from '../../../shared/config/summary.ts';
import { ConfigError } from '../../../shared/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

export const checkConfigCommand: Command = {
  name: 'check-config',
  summary: 'validate a configuration file and summarize the policy it sets',
  usage: [
    'usage: sla-watch check-config [PATH] [--config PATH]',
    '',
    '  PATH, --config PATH  the file to check (default: $SLA_WATCH_CONFIG, else ./sla-watch.yml)',
    '',
    'Exit code 0 when the file is valid (the summary follows), 1 with every problem listed.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { config: { type: 'string' } }, 1);
    const positional = positionals[0];
    if (positional !== undefined && values.config !== undefined && positional !== values.config) {
      throw new UsageError('give the file once: as PATH or as --config PATH');
    }
    const path = positional ?? values.config;
    try {
      const { config, source } = await loadConfig({ path, env: io.env });
      io.out(`${source}: valid\n\n${summarizeConfig(config)}`);
      return 0;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const count = error.details.length;
      io.err(`${path ?? io.env['SLA_WATCH_CONFIG'] ?? 'sla-watch.yml'}: ${count} problem${count === 1 ? '' : 's'}\n${error.details.map((d) => `  ${d}`).join('\n')}`);
      return 1;
    }
  },
};
