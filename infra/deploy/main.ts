/**
 * `npm run deploy -- ...` (deploy.ts): the real SDK clients (credentials and Region from the
 * usual AWS sources) and the CDK CLI of this checkout, its output shown as it runs.
 */
import { spawn } from 'node:child_process';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SESClient } from '@aws-sdk/client-ses';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfigError } from '../../shared/errors.ts';
import { UsageError } from '../cli/command.ts';
import { processIo } from '../cli/io.ts';
import { DEPLOY_USAGE, runDeploy } from './deploy.ts';
import { DeployError } from './preflight.ts';

const io = processIo();
const runCdk = (args: readonly string[]) =>
  new Promise<number>((resolve, reject) => {
    const child = spawn('npx', ['cdk', ...args], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });

try {
  process.exitCode = await runDeploy(process.argv.slice(2), io, { sts: new STSClient({}), cloudFormation: new CloudFormationClient({}), ses: new SESClient({}) }, runCdk);
} catch (error) {
  if (error instanceof UsageError) io.err(`deploy: ${error.message}\n\n${DEPLOY_USAGE}`);
  else if (error instanceof DeployError) io.err(`deploy: ${error.message}`);
  else if (error instanceof ConfigError) io.err(`deploy: the configuration is not valid:\n${error.details.map((d) => `  ${d}`).join('\n')}`);
  else throw error;
  process.exitCode = 1;
}
