/**
 * `sla-watch start` (what `npm start` runs): the whole system on this machine. Prints where each
 * alerting tool should post, how to pass its secret (read from the data directory, never
 * printed), an example request, and where data and mail live. Ctrl-C stops it cleanly; data
 * survives restarts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JsonLogger } from '../../../shared/adapters/log/json-logger.ts';
import { readEnvironment } from '../../../shared/config/environment.ts';
import { loadLocalConfig } from '../../local/local-config.ts';
import { loadOrCreateLocalSecrets } from '../../local/local-secrets.ts';
import { startLocalStack } from '../../local/local-stack.ts';
import { removeRunningStackNote, writeRunningStackNote } from '../../local/running-stack.ts';
import { startBanner } from '../../local/start-banner.ts';
import { defaultSesPort, takenPorts } from '../../local/ports.ts';
import { signInTicketUrl } from '../../../shared/console/http/sign-in-routes.tsx';
import { consoleKey } from '../../../shared/domain/links/session-token.ts';
import type { Command } from '../command.ts';

export const startCommand: Command = {
  name: 'start',
  summary: 'run the whole local stack (HTTP API, DynamoDB and SES stand-ins, timers, sweeper, daily report)',
  usage: 'start [--port 8080] [--host 127.0.0.1] [--config PATH] [--data-dir .data] [--ses-port PORT+1 | --ses-endpoint URL]',
  run: async (argv, io) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        config: { type: 'string' },
        'data-dir': { type: 'string', default: '.data' },
        // The mail viewer's port; by default the one after --port (ports.ts).
        'ses-port': { type: 'string' },
        // Another SES-compatible endpoint instead of the embedded emulator (no mail viewer then).
        'ses-endpoint': { type: 'string' },
      },
      strict: true,
    });
    const port = portNumber(values.port, '--port');
    if (values['ses-endpoint'] !== undefined && values['ses-port'] !== undefined) {
      io.err('--ses-port and --ses-endpoint exclude each other: --ses-endpoint uses that SES instead of starting the mail viewer\n');
      return 1;
    }
    const sesPort = values['ses-port'] === undefined ? defaultSesPort(port) : portNumber(values['ses-port'], '--ses-port');
    const sesEndpoint = values['ses-endpoint'] === undefined ? undefined : endpointUrl(values['ses-endpoint']);
    const taken = await takenPorts({ host: values.host, port, sesPort: sesEndpoint === undefined ? sesPort : null });
    if (taken.length > 0) {
      io.err(`${taken.join('\n')}\n`);
      return 1;
    }
    const dataDir = resolve(values['data-dir']);
    const environment = readEnvironment();
    const logger = new JsonLogger({ minLevel: environment.logLevel, write: (line) => process.stdout.write(line) });

    const secrets = await loadOrCreateLocalSecrets(dataDir);
    const displayHost = values.host.includes(':') ? `[${values.host}]` : values.host;
    const local = await loadLocalConfig({
      path: values.config ?? environment.configPath,
      env: environment.variables,
      secrets,
      baseUrl: `http://${displayHost}:${port}`,
    });
    const stack = await startLocalStack({ config: local.config, linkSecret: secrets.linkSecret, logger, dataDir, host: values.host, port, sesPort, sesEndpoint });
    await writeRunningStackNote(dataDir, { pid: process.pid, url: stack.url, sesUrl: stack.sesUrl, dynamoEndpoint: stack.dynamoEndpoint });
    io.out(startBanner({ stack, local, dataDir, signInUrl: signInTicketUrl(stack.url, consoleKey(secrets.linkSecret), Date.now()) }));

    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.out('\nstopping sla-watch...\n');
        void stack
          .stop()
          .then(() => removeRunningStackNote(dataDir))
          .then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.out('stopped; data kept in ' + dataDir + '\n');
    return 0;
  },
};

/** An SES-compatible endpoint to send through instead of the embedded emulator. */
function endpointUrl(text: string): string {
  if (!URL.canParse(text) || !['http:', 'https:'].includes(new URL(text).protocol)) {
    throw new Error(`--ses-endpoint must be an http(s) URL, got ${JSON.stringify(text)}`);
  }
  return text.replace(/\/+$/, '');
}

function portNumber(text: string, flag: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} must be a port number (0-65535), got ${JSON.stringify(text)}`);
  return port;
}
