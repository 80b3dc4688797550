import { describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/aws/build-app.ts';
import { configuredRecipients } from '../../infra/aws/sla-watch-stack.ts';
import { cdkJsonContext, FIXTURE_CONFIG, TEST_CONTEXT } from './synth-once.ts';
import { ofType, type Statement } from './template-queries.ts';

/** The SES resources each mailing role may send to, as `identity/<name>` or `configuration-set/<name>`. */
async function mailResources(context: Record<string, string>): Promise<string[][]> {
  // No bundling: these tests read IAM policies only.
  const { stack } = await buildApp({ context: { ...cdkJsonContext(), ...TEST_CONTEXT, config: FIXTURE_CONFIG, ...context, 'aws:cdk:bundling-stacks': [] as unknown as string } });
  return ofType(Template.fromStack(stack), 'AWS::IAM::Policy')
    .flatMap(([, p]) => (p.Properties?.['PolicyDocument'] as { Statement: Statement[] }).Statement)
    .filter((st) => st.Action === 'ses:SendEmail')
    .map((st) => (st.Resource as unknown[]).map((r) => JSON.stringify(r).replace(/^.*:(identity|configuration-set)\/(.*?)"\]\]\}$/, '$1/$2')));
}

describe('the SES sandbox flag', () => {
  // Outside the sandbox (stack.test.ts) only the sender's identity and the configuration set are granted.
  it('lets every mailing function send to each configured recipient, which the sandbox checks as an identity', async () => {
    const sandbox = await mailResources({ sesSandbox: 'true' });
    // The delivery sender and the report: every other function hands its emails to the sender.
    expect(sandbox).toHaveLength(2);
    for (const resources of sandbox) {
      expect([...resources].sort()).toEqual([
        'configuration-set/sla-watch-events',
        'identity/mail.example.org',
        'identity/manager@example.com',
        'identity/manager@example.org',
        'identity/oncall@example.com',
        'identity/oncall@example.org',
      ]);
    }
  }, 60_000);

  it('collects recipients of every priority, escalations and the report, once each', async () => {
    const { loadSynthConfig } = await import('../../infra/aws/synth-config.ts');
    const { config } = await loadSynthConfig(FIXTURE_CONFIG);
    expect(configuredRecipients(config)).toEqual(['manager@example.com', 'manager@example.org', 'oncall@example.com', 'oncall@example.org']);
  });
});
