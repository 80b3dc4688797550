/**
 * `sla-watch check-config [PATH]`: validates a configuration file and either lists every
 * problem with its path (exit 1) or prints a one-screen summary of the policy it configures
 * (exit 0). Without a path it checks what `start` would load: `--config`, else
 * SLA_WATCH_CONFIG, else ./sla-watch.yml; when there is no file at all it describes the
 * stack `start` runs without one (its integrations and API key, on --port), so the two agree.
 */
import { loadConfig, readConfigFile } from '../../../shared/config/load-config.ts';
import { loadLocalConfig } from '../../local/local-config.ts';
import { LOCAL_INTEGRATIONS } from '../../local/local-secrets.ts';
import { summarizeConfig } from '../../../shared/config/summary.ts';
import { ConfigError } from '../../../shared/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

export const checkConfigCommand: Command = {
  name: 'check-config',
  summary: 'validate a configuration file and summarize the policy it sets',
  usage: [
    'usage: sla-watch check-config [PATH] [--config PATH] [--port 8080]',
    '',
    '  PATH, --config PATH  the file to check (default: $SLA_WATCH_CONFIG, else ./sla-watch.yml)',
    '  --port N             with no file: the port `start` would serve on (default 8080)',
    '',
    'Exit code 0 when the file is valid (the summary follows), 1 with every problem listed.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { config: { type: 'string' }, port: { type: 'string', default: '8080' } }, 1);
    const positional = positionals[0];
    if (positional !== undefined && values.config !== undefined && positional !== values.config) {
      throw new UsageError('give the file once: as PATH or as --config PATH');
    }
    const path = positional ?? values.config;
    try {
      const noFile = path === undefined && (await readConfigFile({ path, env: io.env })).source.startsWith('defaults');
      if (noFile) {
        const local = await loadLocalConfig({ path, env: io.env, secrets: PLACEHOLDER_SECRETS, baseUrl: `http://127.0.0.1:${values.port}` });
        io.out(`${local.source}: valid; \`npm start\` runs this, with secrets generated on its first run\n\n${summarizeConfig(local.config)}`);
        return 0;
      }
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

/** Stand-ins with the shape of generated secrets: the summary shows counts, never values. */
const PLACEHOLDER_SECRETS = {
  integrations: Object.fromEntries(LOCAL_INTEGRATIONS.map(({ id }) => [id, 'X'.repeat(32)])),
  apiKey: 'X'.repeat(32),
  linkSecret: 'X'.repeat(43),
  metricsToken: 'X'.repeat(32),
};
