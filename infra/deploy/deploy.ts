/**
 * `npm run deploy -- --sender you@example.com`: one command from a configured checkout to a
 * running stack. It checks the configuration and the credentials, checks (or with `--bootstrap`
 * makes) the CDK bootstrap, runs `cdk deploy`, then prints what is left to do with the
 * deployment's real ARNs and URLs (next-steps.ts). Every AWS call goes through the clients it is
 * given and `cdk` through `runCdk`, so tests run the whole flow offline.
 */
import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { GetIdentityVerificationAttributesCommand, GetSendQuotaCommand, type SESClient } from '@aws-sdk/client-ses';
import type { STSClient } from '@aws-sdk/client-sts';
import { isValidSender } from '../../shared/adapters/ses/email-address.ts';
import { defaultSesIdentity } from '../aws/stack-settings.ts';
import { configuredRecipients } from '../aws/sla-watch-stack.ts';
import { loadSynthConfig } from '../aws/synth-config.ts';
import { UsageError, type CliIo } from '../cli/command.ts';
import { parseOptions } from '../cli/parse-options.ts';
import { nextSteps, OUTPUT_KEYS, type DeployedOutputs } from './next-steps.ts';
import { bootstrapState, DeployError, whoAmI } from './preflight.ts';

export interface DeployClients {
  readonly sts: STSClient;
  readonly cloudFormation: CloudFormationClient;
  readonly ses: SESClient;
}

/** Runs the CDK CLI with these arguments, its output going to the user; resolves with its exit code. */
export type RunCdk = (args: readonly string[]) => Promise<number>;

/** SES's sandbox allows 200 emails a day; production access starts at 50,000. */
const SANDBOX_DAILY_QUOTA = 200;

export const DEPLOY_USAGE = [
  'usage: npm run deploy -- --sender ADDRESS [--identity DOMAIN|ADDRESS] [--stack-name NAME] [--config PATH] [--sandbox] [--bootstrap]',
  '',
  '  --sender ADDRESS     the From address of every email (its domain or itself must be an SES identity)',
  '  --identity ID        the SES identity to send as (default: the sender\'s domain)',
  '  --stack-name NAME    the CloudFormation stack (default sla-watch)',
  '  --config PATH        the configuration file (default sla-watch.yml)',
  '  --sandbox            the account is in the SES sandbox: allow mailing each configured (verified) recipient',
  '  --bootstrap          bootstrap the account and Region for the CDK first when they are not',
].join('\n');

async function stackOutputs(cloudFormation: CloudFormationClient, stackName: string): Promise<DeployedOutputs> {
  const [stack] = (await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks ?? [];
  const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const missing = OUTPUT_KEYS.filter((key) => typeof outputs[key] !== 'string');
  if (missing.length > 0) throw new DeployError(`stack ${stackName} has no output ${missing.join(', ')}: was it deployed by this version?`);
  return outputs as unknown as DeployedOutputs;
}

async function mailState(ses: SESClient, identity: string, sandboxFlag: boolean) {
  const [attributes, quota] = await Promise.all([
    ses.send(new GetIdentityVerificationAttributesCommand({ Identities: [identity] })),
    ses.send(new GetSendQuotaCommand({})),
  ]);
  return {
    identityStatus: attributes.VerificationAttributes?.[identity]?.VerificationStatus ?? null,
    inSandbox: (quota.Max24HourSend ?? 0) <= SANDBOX_DAILY_QUOTA,
    sandboxFlag,
  };
}

export async function runDeploy(argv: readonly string[], io: CliIo, clients: DeployClients, runCdk: RunCdk): Promise<number> {
  const { values } = parseOptions(
    argv,
    {
      sender: { type: 'string' },
      identity: { type: 'string' },
      'stack-name': { type: 'string' },
      config: { type: 'string' },
      sandbox: { type: 'boolean' },
      bootstrap: { type: 'boolean' },
    },
    0,
  );
  if (values.sender === undefined) throw new UsageError('give --sender: the From address of every email');
  if (!isValidSender(values.sender)) throw new UsageError(`--sender: not an email address: ${JSON.stringify(values.sender)}`);
  const stackName = values['stack-name'] ?? 'sla-watch';
  const identity = values.identity ?? defaultSesIdentity(values.sender);
  // A bad file stops here, listing every problem, before anything touches AWS.
  const synth = await loadSynthConfig(values.config);

  const target = await whoAmI(clients.sts);
  io.out(`Deploying ${stackName} to account ${target.account} in ${target.region} (configuration: ${synth.source}).`);

  const bootstrap = await bootstrapState(clients.cloudFormation);
  const environment = `aws://${target.account}/${target.region}`;
  if (bootstrap.kind === 'broken') throw new DeployError(`the CDK bootstrap stack CDKToolkit is ${bootstrap.status}: fix or delete it in the CloudFormation console, then run npx cdk bootstrap ${environment}`);
  if (bootstrap.kind !== 'ready') {
    const what = bootstrap.kind === 'missing' ? 'is not bootstrapped for the CDK' : `has an old CDK bootstrap (version ${bootstrap.version})`;
    if (values.bootstrap !== true) throw new DeployError(`${environment} ${what}: run the deploy again with --bootstrap, or npx cdk bootstrap ${environment}`);
    io.out(`${environment} ${what}: bootstrapping it.`);
    const code = await runCdk(['bootstrap', environment]);
    if (code !== 0) throw new DeployError(`cdk bootstrap failed (exit ${code}); its output above says why`);
  }

  const context = { stackName, sender: values.sender, sesIdentity: identity, sesSandbox: String(values.sandbox === true), ...(values.config === undefined ? {} : { config: values.config }) };
  const code = await runCdk(['deploy', stackName, '--require-approval', 'never', ...Object.entries(context).flatMap(([key, value]) => ['-c', `${key}=${value}`])]);
  if (code !== 0) throw new DeployError(`cdk deploy failed (exit ${code}); its output above says why`);

  const outputs = await stackOutputs(clients.cloudFormation, stackName);
  const mail = await mailState(clients.ses, outputs.SesIdentity, values.sandbox === true);
  io.out(
    nextSteps({
      stackName,
      region: target.region,
      outputs,
      mail,
      alarmEmails: synth.config.operations.alarmEmails,
      integrationIds: synth.config.integrations.map((i) => i.id),
      recipients: configuredRecipients(synth.config),
    }),
  );
  return 0;
}
