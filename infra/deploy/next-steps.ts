/**
 * What is left to do after a deploy, with the deployment's own ARNs and URLs: verify the SES
 * identity, leave the sandbox (or deploy with the sandbox flag), confirm the alarm
 * subscriptions, fill the secret, point the alerting tools at the webhooks, run the smoke test.
 * Pure: it takes the stack outputs and what SES says, and returns the text.
 */
export interface DeployedOutputs {
  readonly ApiUrl: string;
  readonly WebhookBaseUrl: string;
  readonly SecretArn: string;
  readonly SecretKeys: string;
  readonly SesIdentity: string;
  readonly AlarmTopicArn: string;
  readonly DashboardUrl: string;
  readonly DeadLetterQueueUrl: string;
}

export const OUTPUT_KEYS: readonly (keyof DeployedOutputs)[] = ['ApiUrl', 'WebhookBaseUrl', 'SecretArn', 'SecretKeys', 'SesIdentity', 'AlarmTopicArn', 'DashboardUrl', 'DeadLetterQueueUrl'];

export interface MailState {
  /** SES's verification status of the identity (`Success`, `Pending`, ...), or null when SES does not know it. */
  readonly identityStatus: string | null;
  /** A 24-hour quota of 200 is the sandbox's. */
  readonly inSandbox: boolean;
  /** Whether the stack was deployed with `sesSandbox=true`. */
  readonly sandboxFlag: boolean;
}

export interface NextStepsInput {
  readonly stackName: string;
  readonly region: string;
  readonly outputs: DeployedOutputs;
  readonly mail: MailState;
  readonly alarmEmails: readonly string[];
  readonly integrationIds: readonly string[];
  readonly recipients: readonly string[];
}

export function nextSteps(input: NextStepsInput): string {
  const { outputs, mail, region } = input;
  const steps: string[] = [];
  const identity = outputs.SesIdentity;
  const isDomain = !identity.includes('@');
  if (mail.identityStatus !== 'Success') {
    steps.push(
      [
        `Verify the SES identity ${identity} (SES says: ${mail.identityStatus ?? 'not known'}):`,
        isDomain
          ? `  aws sesv2 create-email-identity --region ${region} --email-identity ${identity}   # then add the DKIM CNAME records it prints to your DNS`
          : `  aws sesv2 create-email-identity --region ${region} --email-identity ${identity}   # then click the link SES mails to it`,
      ].join('\n'),
    );
  }
  if (mail.inSandbox) {
    const lines = ['This account is in the SES sandbox: it mails only verified addresses, 200 a day.'];
    lines.push('  Ask for production access: SES console > Account dashboard > Request production access.');
    if (mail.sandboxFlag) {
      lines.push('  Until then, verify each recipient (deployed with -c sesSandbox=true, the functions may mail them):');
      for (const address of input.recipients) lines.push(`  aws sesv2 create-email-identity --region ${region} --email-identity ${address}`);
    } else {
      lines.push('  Until then, redeploy with --sandbox and verify each recipient, or no email reaches anyone.');
    }
    steps.push(lines.join('\n'));
  }
  steps.push(
    input.alarmEmails.length === 0
      ? `No operations.alarm_emails in the configuration: alarms notify ${outputs.AlarmTopicArn} with no one subscribed. Add addresses and deploy again.`
      : `Confirm the alarm subscription AWS mailed to ${input.alarmEmails.join(', ')} (topic ${outputs.AlarmTopicArn}).`,
  );
  const keys = outputs.SecretKeys.split(',').filter((k) => k !== '');
  steps.push(
    [
      `Put your secrets into ${outputs.SecretArn}, keeping the generated link_signing_secret (keys: ${keys.join(', ')}):`,
      `  aws secretsmanager get-secret-value --region ${region} --secret-id '${outputs.SecretArn}' --query SecretString --output text > secret.json`,
      `  # add ${keys.filter((k) => k !== 'link_signing_secret').join(', ') || 'your keys'} to secret.json, then:`,
      `  aws secretsmanager put-secret-value --region ${region} --secret-id '${outputs.SecretArn}' --secret-string file://secret.json && rm secret.json`,
    ].join('\n'),
  );
  steps.push(
    [
      'Point your alerting tools at the webhooks:',
      ...(input.integrationIds.length === 0 ? ['  (no integrations in the configuration yet)'] : input.integrationIds.map((id) => `  ${outputs.WebhookBaseUrl}${id}`)),
      `  PagerDuty Events v2 senders: ${outputs.ApiUrl}/v2/enqueue`,
    ].join('\n'),
  );
  steps.push(`Check it end to end:\n  npm run --silent sla-watch -- smoke --url ${outputs.ApiUrl} --key <one of your api_keys>`);
  steps.push(`Watch it: ${outputs.DashboardUrl}\n  Failed timers and jobs land in ${outputs.DeadLetterQueueUrl}`);
  return [`sla-watch deployed as ${input.stackName} in ${region}: ${outputs.ApiUrl}`, '', 'What is left:', ...steps.map((step, i) => `${i + 1}. ${step}`)].join('\n');
}
