/** Entry point of `npm run sla-watch -- <command>`: runs the CLI on the real process. */
import { processIo } from './io.ts';
import { runCli } from './run-cli.ts';

// The pinned AWS SDK releases support Node 20; their notice that later releases will not is
// noise on every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await runCli(process.argv.slice(2), processIo());
