/**
 * The fake SES and the Slack stub (test/support/fake-providers.ts) in a process of their own,
 * so that a benchmark's load on its own event loop never delays their answers (a late answer
 * looks like a timeout to the sender, and a timeout is retried). Prints one JSON line with
 * their endpoints; their records are read with `GET <endpoint>/stats`.
 *
 * Args: email per second, Slack per second per webhook, Slack 429s to give first.
 */
import { startFakeSes, startSlackStub } from '../../test/support/fake-providers.ts';

const [emailRate, slackRate, refuseFirst] = process.argv.slice(2).map(Number);
const ses = await startFakeSes({ perSecond: emailRate ?? 14 });
const slack = await startSlackStub({ perSecond: slackRate ?? 1, retryAfterSeconds: 1, refuseFirst: refuseFirst ?? 0 });
process.stdout.write(`${JSON.stringify({ ses: ses.endpoint, slack: slack.url })}\n`);
process.on('SIGTERM', () => void Promise.all([ses.stop(), slack.stop()]).then(() => process.exit(0)));
