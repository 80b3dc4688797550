/**
 * cdk-nag acknowledgments whose finding ids name a resource, built here so the id matches what
 * AwsSolutions-IAM5 reports (`Resource::<ARN as nag prints it>`): a wildcard is acknowledged for
 * that one resource pattern, never for the rule as a whole.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

/** How nag prints an ARN built by Stack.formatArn with literal service, resource and name. */
export function nagArn(service: string, resourcePath: string): string {
  return `arn:<AWS::Partition>:${service}:<AWS::Region>:<AWS::AccountId>:${resourcePath}`;
}

export function acknowledgeWildcard(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
}

/** `lambda:InvokeFunction` on `<function ARN>:*`, which grantInvoke adds for versions and aliases. */
export function acknowledgeInvokeQualifiers(role: IConstruct, fn: IFunction): void {
  const logicalId = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnFunction);
  acknowledgeWildcard(
    role,
    `<${logicalId}.Arn>:*`,
    `"<function ARN>:*" only adds the versions and aliases of the same function (${fn.node.path}), which Scheduler's LambdaInvoke target grants with the function; no other function is reachable.`,
  );
}
