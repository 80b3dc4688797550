import { describe, expect, it } from 'vitest';
import { DEFAULT_AWS_API } from '../../shared/config/defaults.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { ConfigError } from '../../shared/errors.ts';

function problems(raw: unknown): readonly string[] {
  try {
    parseConfig(raw, {});
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).details;
  }
  throw new Error('expected the configuration to be refused');
}

describe('the deployment settings of the configuration file', () => {
  it('default to no alarm email and a throttle under the 3,892 new alerts a second the indexes take', () => {
    const config = parseConfig({}, {});
    expect(config.operations.alarmEmails).toEqual([]);
    expect(config.aws.api).toEqual({ rateLimit: 3_500, burstLimit: 5_000 });
    expect(DEFAULT_AWS_API).toEqual(config.aws.api);
    expect(config.aws.timerConcurrency).toBe(10);
  });

  it('take alarm emails and a throttle, keeping the default of what is left out', () => {
    const config = parseConfig({ operations: { alarm_emails: ['ops@example.com', 'sre@example.com'] }, aws: { api: { rate: 200 }, timer_concurrency: 25 } }, {});
    expect(config.operations.alarmEmails).toEqual(['ops@example.com', 'sre@example.com']);
    expect(config.aws.api).toEqual({ rateLimit: 200, burstLimit: 5_000 });
    expect(config.aws.timerConcurrency).toBe(25);
  });

  it('list every problem with its path at once', () => {
    expect(
      problems({
        operations: { alarm_emails: ['ops@example.com', 'not an address', 'OPS@example.com'], pager: true },
        aws: { api: { rate: 0, burst: 2.5, period: 1 }, timer_concurrency: 1000 },
      }),
    ).toEqual([
      'operations.alarm_emails[1]: expected an email address such as oncall@example.com',
      'operations.alarm_emails: lists an address twice',
      'operations.pager: unknown key (expected one of: alarm_emails)',
      "aws.api.rate: expected a whole number of requests a second from 1 to 10,000 (API Gateway's default account quota; ask for more in Service Quotas first)",
      "aws.api.burst: expected a whole number of requests from 1 to 5,000 (API Gateway's default account quota; ask for more in Service Quotas first)",
      'aws.api.period: unknown key (expected one of: rate, burst)',
      "aws.timer_concurrency: expected a whole number of concurrent executions from 1 to 900 (reserved from the account's Lambda concurrency quota, which keeps 100 unreserved)",
    ]);
  });
});
