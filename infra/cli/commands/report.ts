/**
 * `sla-watch report`: the SLA report of the local stack's data (a day, `--week` or `--month`),
 * printed as text (or JSON, the HTML page, or CSV rows), or mailed with `--send` exactly as the
 * schedules mail it. Periods are local in `sla.reporting.timezone`; without one, yesterday
 * there. A malformed period or one in the future is a usage error naming it.
 *
 * It reads the data directory's store: through the running stack when `start` runs there,
 * else by opening the files itself (infra/local/open-local-store.ts). `--send` mails through
 * the running stack's SES emulator (whose viewer then shows the mail), or `--ses-url`.
 */
import { SESClient } from '@aws-sdk/client-ses';
import { resolve } from 'node:path';
import { systemClock } from '../../../shared/adapters/clock/system-clock.ts';
import { SesMailer } from '../../../shared/adapters/ses/ses-mailer.ts';
import { buildReport, type BuildReportRequest } from '../../../shared/app/build-report.ts';
import { exportReportCsv } from '../../../shared/app/export-report-csv.ts';
import { sendReport } from '../../../shared/app/send-report.ts';
import type { AppConfig } from '../../../shared/config/app-config.ts';
import { lastCompletePeriodLabel, periodProblem, type ReportInterval } from '../../../shared/domain/report/report-period.ts';
import type { ReportRollups } from '../../../shared/ports/report-rollups.ts';
import type { AlertStore } from '../../../shared/ports/alert-store.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { Logger } from '../../../shared/ports/logger.ts';
import type { Mailer } from '../../../shared/ports/mailer.ts';
import { renderReportHtml } from '../../../shared/report/report-html.ts';
import { reportJson } from '../../../shared/report/report-json.ts';
import { renderReportText } from '../../../shared/report/report-text.ts';
import { localCredentials } from '../../local/local-credentials.ts';
import { loadLocalConfig } from '../../local/local-config.ts';
import { loadOrCreateLocalSecrets } from '../../local/local-secrets.ts';
import { openLocalStore } from '../../local/open-local-store.ts';
import { readRunningStackNote } from '../../local/running-stack.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

/** What the command opens; tests pass their own. */
export interface ReportCommandWiring {
  /** The HTTP and SES URLs of a stack running on `dataDir`, or null. */
  findRunningStack(dataDir: string): Promise<{ url: string; sesUrl: string } | null>;
  loadConfig(options: { configPath: string | undefined; dataDir: string; baseUrl: string; env: CliIo['env'] }): Promise<AppConfig>;
  openStore(dataDir: string): Promise<{ store: AlertStore; rollups?: ReportRollups; close(): Promise<void> }>;
  openMailer(sesUrl: string, from: string): { mailer: Mailer; close(): void };
  /** The stack's link key: `--send` signs each recipient's view links with it (without, plain links). */
  linkSecret?(dataDir: string): Promise<string>;
  readonly clock: Clock;
}

/** Where `start` serves (and so links point) by default, when no stack runs to ask. */
const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';

export const localReportWiring: ReportCommandWiring = {
  findRunningStack: (dataDir) => readRunningStackNote(dataDir),
  async loadConfig({ configPath, dataDir, baseUrl, env }) {
    const secrets = await loadOrCreateLocalSecrets(dataDir);
    return (await loadLocalConfig({ path: configPath, env, secrets, baseUrl })).config;
  },
  openStore: (dataDir) => openLocalStore({ dataDir }),
  linkSecret: async (dataDir) => (await loadOrCreateLocalSecrets(dataDir)).linkSecret,
  openMailer(sesUrl, from) {
    const client = new SESClient({ endpoint: sesUrl, region: 'us-east-1', credentials: localCredentials, maxAttempts: 3 });
    return { mailer: new SesMailer({ client, from }), close: () => client.destroy() };
  },
  clock: systemClock,
};

/** Warnings and errors of the use case go to stderr; the report itself is the output. */
function stderrLogger(io: CliIo): Logger {
  return { debug() {}, info() {}, warn: (message) => io.err(message), error: (message) => io.err(message) };
}

const USAGE = [
  'usage: sla-watch report [--date YYYY-MM-DD | --week YYYY-Www | --month YYYY-MM] [--json | --html | --csv | --send] [--config PATH] [--data-dir DIR] [--ses-url URL]',
  '',
  '  --date D        local date in sla.reporting.timezone (default: yesterday there)',
  '  --week W        ISO week, e.g. 2026-W49 (Monday to Sunday in that zone)',
  '  --month M       month, e.g. 2026-12',
  '  --csv           one row per alert opened in the period',
  '  --json          the report as JSON (ISO 8601 instants, durations in seconds)',
  '  --html          the report as a standalone HTML page (save it and open it in a browser)',
  '  --send          mail it to sla.reporting.recipients, as the daily schedule does',
  '  --config PATH   configuration file (default: $SLA_WATCH_CONFIG, else ./sla-watch.yml)',
  '  --data-dir DIR  the local stack\'s data directory (default: .data)',
  '  --ses-url URL   SES endpoint for --send (default: the running stack\'s SES emulator)',
].join('\n');

export function makeReportCommand(wiring: ReportCommandWiring): Command {
  return {
    name: 'report',
    summary: 'print (or mail) the daily SLA report of the local data',
    usage: USAGE,
    async run(argv, io) {
      const { values } = parseOptions(
        argv,
        {
          date: { type: 'string' },
          week: { type: 'string' },
          month: { type: 'string' },
          csv: { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
          html: { type: 'boolean', default: false },
          send: { type: 'boolean', default: false },
          config: { type: 'string' },
          'data-dir': { type: 'string', default: '.data' },
          'ses-url': { type: 'string' },
        },
        0,
      );
      if ([values.json, values.html, values.csv, values.send].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --html, --csv and --send');
      const periods = (['date', 'week', 'month'] as const).filter((key) => values[key] !== undefined);
      if (periods.length > 1) throw new UsageError('choose one of --date, --week and --month');
      const sesUrlOption = values['ses-url'];
      if (sesUrlOption !== undefined && !URL.canParse(sesUrlOption)) throw new UsageError(`--ses-url "${sesUrlOption}" is not a URL`);
      const dataDir = resolve(values['data-dir']);
      const running = await wiring.findRunningStack(dataDir);
      const sesUrl = sesUrlOption ?? running?.sesUrl;
      if (values.send && sesUrl === undefined) {
        throw new UsageError('--send needs an SES endpoint: run `sla-watch start` on this data directory, or pass --ses-url URL');
      }
      const config = await wiring.loadConfig({ configPath: values.config, dataDir, baseUrl: running?.url ?? DEFAULT_BASE_URL, env: io.env });
      const request = reportRequest(values, config, wiring.clock.now());
      const { store, rollups, close } = await wiring.openStore(dataDir);
      try {
        const deps = { config, store, clock: wiring.clock, logger: stderrLogger(io), ...(rollups === undefined ? {} : { rollups }) };
        if (values.send && sesUrl !== undefined) return await send(deps, wiring, sesUrl, request, io, await wiring.linkSecret?.(dataDir));
        if (values.csv) {
          const interval = request.interval ?? 'daily';
          const label = request.label ?? lastCompletePeriodLabel(interval, wiring.clock.now(), config.reporting.timezone);
          let text = '';
          for await (const chunk of exportReportCsv(deps, { interval, label })) text += chunk;
          io.out(text.trimEnd());
          return 0;
        }
        const report = await buildReport(deps, request);
        if (values.json) io.out(JSON.stringify(reportJson(report), null, 2));
        else if (values.html) io.out(renderReportHtml(report, 'page'));
        else io.out(renderReportText(report));
        return 0;
      } finally {
        await close();
      }
    },
  };
}

const OPTION_INTERVALS: readonly (readonly ['date' | 'week' | 'month', ReportInterval])[] = [
  ['date', 'daily'],
  ['week', 'weekly'],
  ['month', 'monthly'],
];

/** The period the options name, checked at `now`: a malformed or future one is a usage error naming it. */
function reportRequest(values: { date?: string; week?: string; month?: string }, config: AppConfig, now: number): BuildReportRequest {
  for (const [option, interval] of OPTION_INTERVALS) {
    const label = values[option];
    if (label === undefined) continue;
    const problem = periodProblem(interval, `--${option}`, label, now, config.reporting.timezone);
    if (problem !== null) throw new UsageError(problem);
    return { interval, label };
  }
  return {};
}

async function send(
  deps: Parameters<typeof sendReport>[0],
  wiring: ReportCommandWiring,
  sesUrl: string,
  request: BuildReportRequest,
  io: CliIo,
  linkSecret: string | undefined,
): Promise<number> {
  const { mailer, close } = wiring.openMailer(sesUrl, deps.config.notifications.from);
  try {
    const outcome = await sendReport(deps, linkSecret === undefined ? { mailer } : { mailer, linkSecret }, request);
    switch (outcome.kind) {
      case 'sent':
        io.out(`sent the ${outcome.report.interval} report for ${outcome.report.label} to ${outcome.recipients} recipient(s), message id ${outcome.messageId}`);
        return 0;
      case 'no_recipients':
        io.err('nothing sent: sla.reporting.recipients is empty in the configuration');
        return 1;
    }
  } finally {
    close();
  }
}

export const reportCommand: Command = makeReportCommand(localReportWiring);
