/**
 * The parts of the configuration file that only the AWS deployment reads (the CDK stack at
 * synth time): who hears the alarms, how many requests a second the HTTP API lets through
 * before it answers 429, and how many timer functions may run at once. The local stack ignores
 * all three.
 *
 * ```yaml
 * operations:
 *   alarm_emails: [ops@example.com]   # each gets an SNS subscription confirmation email
 * aws:
 *   api: {rate: 3500, burst: 5000}    # API Gateway stage throttle: requests/s and burst
 *   timer_concurrency: 10             # reserved concurrency of each timer function
 * ```
 */
import * as z from 'zod/mini';
import { emails, strict } from './fields.ts';

/** API Gateway's default account quota per Region (requests a second, and burst). */
export const API_ACCOUNT_RATE_QUOTA = 10_000;
export const API_ACCOUNT_BURST_QUOTA = 5_000;

const positiveWhole = (max: number, what: string) =>
  z.number().check(
    z.refine((n) => Number.isSafeInteger(n) && n >= 1 && n <= max, {
      error: `expected a whole number of ${what} from 1 to ${max.toLocaleString('en-US')} (API Gateway's default account quota; ask for more in Service Quotas first)`,
    }),
  );

export const operationsSchema = strict({
  alarm_emails: z.optional(
    emails.check(z.refine((list) => new Set(list.map((a) => a.toLowerCase())).size === list.length, { error: 'lists an address twice' })),
  ),
});

/** Reserved concurrency is taken from the account's quota, which keeps 100 unreserved. */
const concurrency = z.number().check(
  z.refine((n) => Number.isSafeInteger(n) && n >= 1 && n <= 900, {
    error: "expected a whole number of concurrent executions from 1 to 900 (reserved from the account's Lambda concurrency quota, which keeps 100 unreserved)",
  }),
);

export const awsSchema = strict({
  api: z.optional(
    strict({
      rate: z.optional(positiveWhole(API_ACCOUNT_RATE_QUOTA, 'requests a second')),
      burst: z.optional(positiveWhole(API_ACCOUNT_BURST_QUOTA, 'requests')),
    }),
  ),
  timer_concurrency: z.optional(concurrency),
});
