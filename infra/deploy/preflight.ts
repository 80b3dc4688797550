/**
 * What must hold before `cdk deploy` can succeed, checked with the AWS SDK so a missing piece
 * is named in one sentence instead of a CloudFormation stack trace: credentials for an account
 * and a Region, and that account and Region bootstrapped for the CDK (the `CDKToolkit` stack
 * with its asset bucket and roles, at a version the pinned CDK accepts).
 */
import type { CloudFormationClient} from '@aws-sdk/client-cloudformation';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { STSClient } from '@aws-sdk/client-sts';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';

export const BOOTSTRAP_STACK = 'CDKToolkit';
/** The bootstrap template version CDK 2.276's deployments require (its `BootstrapVersion` output). */
export const MIN_BOOTSTRAP_VERSION = 6;

export class DeployError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeployError';
  }
}

export interface Target {
  readonly account: string;
  readonly region: string;
}

export type BootstrapState = { readonly kind: 'ready'; readonly version: number } | { readonly kind: 'missing' } | { readonly kind: 'outdated'; readonly version: number } | { readonly kind: 'broken'; readonly status: string };

/** The account and Region the credentials reach; DeployError saying how to provide them otherwise. */
export async function whoAmI(sts: STSClient): Promise<Target> {
  let region: string;
  try {
    region = await sts.config.region();
  } catch (error) {
    throw new DeployError('no AWS Region: set AWS_REGION (or a region in your AWS profile) and try again', { cause: error });
  }
  try {
    const { Account } = await sts.send(new GetCallerIdentityCommand({}));
    if (Account === undefined) throw new Error('no account in the answer');
    return { account: Account, region };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    throw new DeployError(
      `no usable AWS credentials (${name}): sign in first (aws configure, aws sso login, or AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), then run the deploy again`,
      { cause: error },
    );
  }
}

export async function bootstrapState(cloudFormation: CloudFormationClient): Promise<BootstrapState> {
  let stack;
  try {
    [stack] = (await cloudFormation.send(new DescribeStacksCommand({ StackName: BOOTSTRAP_STACK }))).Stacks ?? [];
  } catch (error) {
    // DescribeStacks answers ValidationError "Stack with id CDKToolkit does not exist".
    if (error instanceof Error && error.name === 'ValidationError' && /does not exist/.test(error.message)) return { kind: 'missing' };
    throw new DeployError(`could not look for the CDK bootstrap stack (${error instanceof Error ? error.name : 'error'})`, { cause: error });
  }
  if (stack === undefined) return { kind: 'missing' };
  const status = stack.StackStatus ?? 'UNKNOWN';
  if (!/_COMPLETE$/.test(status) || /ROLLBACK_COMPLETE$|DELETE_COMPLETE$/.test(status)) return { kind: 'broken', status };
  const version = Number(stack.Outputs?.find((o) => o.OutputKey === 'BootstrapVersion')?.OutputValue);
  if (!Number.isFinite(version) || version < MIN_BOOTSTRAP_VERSION) return { kind: 'outdated', version: Number.isFinite(version) ? version : 0 };
  return { kind: 'ready', version };
}
