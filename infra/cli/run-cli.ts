/**
 * The dispatcher: `sla-watch <command> [arguments]`. Finds the command in the table, loads and
 * runs it, and maps the errors a user can fix (bad arguments, an invalid configuration) to a
 * message on stderr and exit code 1. Anything else is a bug and propagates with its stack.
 */
import { ConfigError } from '../../shared/errors.ts';
import { UsageError, type CliIo } from './command.ts';
import { COMMANDS, type CommandEntry } from './command-table.ts';

function overview(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 'help'.length);
  return [
    'usage: sla-watch <command> [arguments]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  this overview, or \`help <command>\` for one command`,
  ].join('\n');
}

function unknown(name: string, io: CliIo, commands: readonly CommandEntry[]): number {
  io.err(`unknown command "${name}"\n\n${overview(commands)}`);
  return 1;
}

async function help(name: string | undefined, io: CliIo, commands: readonly CommandEntry[]): Promise<number> {
  if (name === undefined) {
    io.out(overview(commands));
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) return unknown(name, io, commands);
  const command = await entry.load();
  io.out(`${command.summary}\n\n${command.usage}`);
  return 0;
}

export async function runCli(argv: string[], io: CliIo, commands: readonly CommandEntry[] = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(args[0], io, commands);
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) return unknown(name, io, commands);
  if (args.includes('--help') || args.includes('-h')) return help(name, io, commands);
  const command = await entry.load();
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`sla-watch ${name}: ${error.message}\n\n${command.usage}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      io.err(`sla-watch ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
