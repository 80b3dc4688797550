/**
 * The environment of a Lambda function booted outside AWS: every variable the stack sets
 * (dummy resource names, since booting touches none of them), dummy credentials and region,
 * the Secrets Manager stand-in as endpoint, and the secret's id. Used by the bundle benchmark
 * and the bundle tests, never by the deployed stack.
 */
import { AWS_VARIABLES, readEnvironment } from '../../../shared/config/environment.ts';
import { BUNDLE_RUNTIME_ENVIRONMENT } from '../bundling.ts';

export const BOOT_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:sla-watch-boot';
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:sla-watch-';

export function bootEnvironment(secretsEndpoint: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    PATH: readEnvironment().variables['PATH'] ?? '',
    ...BUNDLE_RUNTIME_ENVIRONMENT,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDBOOTSTANDIN',
    AWS_SECRET_ACCESS_KEY: 'boot-stand-in',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsEndpoint,
    [AWS_VARIABLES.tableName]: 'sla-watch-boot',
    [AWS_VARIABLES.scheduleGroup]: 'sla-watch-boot',
    [AWS_VARIABLES.atRiskFunctionArn]: `${FUNCTION_ARN}at-risk`,
    [AWS_VARIABLES.breachFunctionArn]: `${FUNCTION_ARN}breach`,
    [AWS_VARIABLES.reminderFunctionArn]: `${FUNCTION_ARN}reminder`,
    [AWS_VARIABLES.schedulerRoleArn]: 'arn:aws:iam::123456789012:role/sla-watch-boot-scheduler',
    [AWS_VARIABLES.deadLetterQueueArn]: 'arn:aws:sqs:eu-west-1:123456789012:sla-watch-boot-dlq',
    [AWS_VARIABLES.secretArn]: BOOT_SECRET_ARN,
    [AWS_VARIABLES.sesFrom]: 'sla-watch@example.com',
    [AWS_VARIABLES.baseUrl]: 'https://sla.example.com',
    [AWS_VARIABLES.metricsNamespace]: 'sla-watch/boot',
    [AWS_VARIABLES.deliveryQueueUrl]: 'https://sqs.eu-west-1.amazonaws.com/123456789012/sla-watch-boot-deliveries',
    // No SQS here: a refused connection, at once (queuing is best effort; the deliveries are stored).
    AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9',
    ...extra,
  };
}
