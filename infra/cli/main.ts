/** Entry point of `npm run sla-watch -- <command>`: runs the CLI on the real process. */
import { processIo } from './io.ts';
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
