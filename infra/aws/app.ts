/**
 * `cdk synth` / `cdk deploy` entry point (cdk.json: `npx tsx infra/aws/app.ts`). The output
 * directory comes from the CLI (`--output DIR`) through the App's defaults. A configuration
 * file or context value that is not valid stops here with every problem listed.
 */
import { ConfigError } from '../../shared/errors.ts';
import { buildApp } from './build-app.ts';

try {
  const { app } = await buildApp();
  app.synth();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`sla-watch: cannot synthesize: ${error.message}\n`);
  process.exitCode = 1;
}
