import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetIdentityVerificationAttributesCommand, GetSendQuotaCommand, SESClient } from '@aws-sdk/client-ses';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../infra/cli/command.ts';
import { runDeploy } from '../../infra/deploy/deploy.ts';
import { DeployError } from '../../infra/deploy/preflight.ts';
import { ConfigError } from '../../shared/errors.ts';
import { FIXTURE_CONFIG } from '../infra/synth-once.ts';

const sts = mockClient(STSClient);
const cloudFormation = mockClient(CloudFormationClient);
const ses = mockClient(SESClient);

const REGION = 'eu-west-1';
const clients = () => ({
  sts: new STSClient({ region: REGION, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
  cloudFormation: new CloudFormationClient({ region: REGION }),
  ses: new SESClient({ region: REGION }),
});

const API = 'https://abc123.execute-api.eu-west-1.amazonaws.com';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SlaWatchSecrets-AbCdEf';
const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:sla-watch-OperationsTopic-XyZ';
const OUTPUTS = {
  ApiUrl: API,
  WebhookBaseUrl: `${API}/webhooks/`,
  SecretArn: SECRET_ARN,
  SecretKeys: 'link_signing_secret,AM_WEBHOOK_SECRET,OPS_BOT_KEY,PD_ROUTING_KEY',
  SesIdentity: 'example.org',
  AlarmTopicArn: TOPIC_ARN,
  DashboardUrl: 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=sla-watch',
  DeadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/sla-watch-DeadLetters',
};

function bootstrapped(version = 30) {
  cloudFormation.on(DescribeStacksCommand, { StackName: 'CDKToolkit' }).resolves({
    Stacks: [{ StackName: 'CDKToolkit', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(0), Outputs: [{ OutputKey: 'BootstrapVersion', OutputValue: String(version) }] }],
  });
}

function deployed() {
  cloudFormation.on(DescribeStacksCommand, { StackName: 'sla-watch' }).resolves({
    Stacks: [{ StackName: 'sla-watch', StackStatus: 'CREATE_COMPLETE', CreationTime: new Date(0), Outputs: Object.entries(OUTPUTS).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }],
  });
}

async function deploy(argv: string[], cdkExit = 0) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {} };
  const cdkRuns: (readonly string[])[] = [];
  const runCdk = async (args: readonly string[]) => {
    cdkRuns.push(args);
    return cdkExit;
  };
  const run = runDeploy(argv, io, clients(), runCdk);
  return { run, out, err, cdkRuns };
}

beforeEach(() => {
  sts.reset();
  cloudFormation.reset();
  ses.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/deployer', UserId: 'x' });
});

describe('npm run deploy', () => {
  it('deploys with the sender, identity and stack name as context, then prints what is left with the real ARNs and URLs', async () => {
    bootstrapped();
    deployed();
    ses.on(GetIdentityVerificationAttributesCommand).resolves({ VerificationAttributes: { 'example.org': { VerificationStatus: 'Pending' } } });
    ses.on(GetSendQuotaCommand).resolves({ Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 });
    const { run, out, cdkRuns } = await deploy(['--sender', 'SLA Watch <alerts@example.org>', '--config', FIXTURE_CONFIG, '--sandbox']);
    expect(await run).toBe(0);
    expect(cdkRuns).toEqual([
      ['deploy', 'sla-watch', '--require-approval', 'never', '-c', 'stackName=sla-watch', '-c', 'sender=SLA Watch <alerts@example.org>', '-c', 'sesIdentity=example.org', '-c', 'sesSandbox=true', '-c', `config=${FIXTURE_CONFIG}`],
    ]);
    const text = out.join('\n');
    expect(text).toContain(`Deploying sla-watch to account 123456789012 in ${REGION}`);
    expect(text).toContain(`sla-watch deployed as sla-watch in ${REGION}: ${API}`);
    expect(text).toContain('1. Verify the SES identity example.org (SES says: Pending):');
    expect(text).toContain('2. This account is in the SES sandbox');
    expect(text).toContain(`aws sesv2 create-email-identity --region ${REGION} --email-identity oncall@example.org`);
    expect(text).toContain(`3. Confirm the alarm subscription AWS mailed to ops@example.org, sre@example.org (topic ${TOPIC_ARN}).`);
    expect(text).toContain(`aws secretsmanager put-secret-value --region ${REGION} --secret-id '${SECRET_ARN}'`);
    expect(text).toContain('# add AM_WEBHOOK_SECRET, OPS_BOT_KEY, PD_ROUTING_KEY to secret.json');
    expect(text).toContain(`  ${API}/webhooks/prod-am\n  ${API}/webhooks/pd`);
    expect(text).toContain(`npm run --silent sla-watch -- smoke --url ${API} --key <one of your api_keys>`);
    expect(text).toContain(OUTPUTS.DashboardUrl);
  });

  it('leaves out the SES steps once the identity is verified and the account out of the sandbox', async () => {
    bootstrapped();
    deployed();
    ses.on(GetIdentityVerificationAttributesCommand).resolves({ VerificationAttributes: { 'example.org': { VerificationStatus: 'Success' } } });
    ses.on(GetSendQuotaCommand).resolves({ Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 });
    const { run, out } = await deploy(['--sender', 'alerts@example.org', '--config', FIXTURE_CONFIG]);
    expect(await run).toBe(0);
    const text = out.join('\n');
    expect(text).not.toContain('Verify the SES identity');
    expect(text).not.toContain('sandbox');
    expect(text).toContain('1. Confirm the alarm subscription');
  });

  it('fails clearly without credentials, before running cdk', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const { run, cdkRuns } = await deploy(['--sender', 'alerts@example.org', '--config', FIXTURE_CONFIG]);
    await expect(run).rejects.toThrow(new DeployError('no usable AWS credentials (CredentialsProviderError): sign in first (aws configure, aws sso login, or AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), then run the deploy again'));
    expect(cdkRuns).toEqual([]);
  });

  it('refuses an account that is not bootstrapped unless asked to bootstrap it, then bootstraps it first', async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'CDKToolkit' }).rejects(Object.assign(new Error('Stack with id CDKToolkit does not exist'), { name: 'ValidationError' }));
    const refused = await deploy(['--sender', 'alerts@example.org', '--config', FIXTURE_CONFIG]);
    await expect(refused.run).rejects.toThrow(`aws://123456789012/${REGION} is not bootstrapped for the CDK: run the deploy again with --bootstrap, or npx cdk bootstrap aws://123456789012/${REGION}`);
    expect(refused.cdkRuns).toEqual([]);

    deployed();
    ses.on(GetIdentityVerificationAttributesCommand).resolves({ VerificationAttributes: {} });
    ses.on(GetSendQuotaCommand).resolves({ Max24HourSend: 200 });
    const accepted = await deploy(['--sender', 'alerts@example.org', '--config', FIXTURE_CONFIG, '--bootstrap']);
    expect(await accepted.run).toBe(0);
    expect(accepted.cdkRuns.map((args) => args.slice(0, 2))).toEqual([['bootstrap', `aws://123456789012/${REGION}`], ['deploy', 'sla-watch']]);
  });

  it('refuses an outdated bootstrap, and reports a failed cdk deploy', async () => {
    bootstrapped(5);
    await expect((await deploy(['--sender', 'alerts@example.org', '--config', FIXTURE_CONFIG])).run).rejects.toThrow('has an old CDK bootstrap (version 5)');
    cloudFormation.reset();
    bootstrapped();
    await expect((await deploy(['--sender', 'alerts@example.org', '--config', FIXTURE_CONFIG], 1)).run).rejects.toThrow('cdk deploy failed (exit 1); its output above says why');
  });

  it('stops on a bad sender or configuration before touching AWS', async () => {
    await expect((await deploy(['--sender', 'not an address'])).run).rejects.toThrow('--sender: not an email address: "not an address"');
    await expect((await deploy([])).run).rejects.toThrow('give --sender');
    await expect((await deploy(['--sender', 'a@example.org', '--config', '/nonexistent/sla-watch.yml'])).run).rejects.toBeInstanceOf(ConfigError);
    expect(sts.calls()).toEqual([]);
  });
});
