/**
 * Every command of `sla-watch`, in the order `help` lists them. A command's module is
 * imported only when it runs, so `explain` does not load the local stack (AWS SDK clients,
 * dynalite) that `start` needs, and `help` loads nothing. Add a command with its name, its
 * one-line summary and the import of its module.
 */
import type { Command } from './command.ts';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'start',
    summary: 'run the whole local stack (HTTP API, DynamoDB and SES stand-ins, timers, sweeper, daily report)',
    load: async () => (await import('./commands/start.ts')).startCommand,
  },
  {
    name: 'report',
    summary: 'print (or mail) the daily SLA report of the local data',
    load: async () => (await import('./commands/report.ts')).reportCommand,
  },
  {
    name: 'check-config',
    summary: 'validate a configuration file and summarize the policy it sets',
    load: async () => (await import('./commands/check-config.ts')).checkConfigCommand,
  },
  {
    name: 'smoke',
    summary: 'check that a deployed or local stack answers: health, intake, API and report reads',
    load: async () => (await import('./commands/smoke.ts')).smokeCommand,
  },
  {
    name: 'explain',
    summary: 'show the SLA timeline of an alert of a priority created at an instant',
    load: async () => (await import('./commands/explain.ts')).explainCommand,
  },
];
