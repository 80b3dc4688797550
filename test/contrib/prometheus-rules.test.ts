/**
 * The alerting rules shipped in contrib/prometheus are valid for Prometheus (`promtool check
 * rules`) and fire when they should on scripted series (`promtool test rules`): a critical
 * acknowledgment breach, a breach budget used up (but not on a perfect day with no budget),
 * deliveries failing, timers late, sla-watch not scraped.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { binaryOrSkip } from '../support/binaries.ts';

const run = promisify(execFile);
const promtool = binaryOrSkip(['promtool'], 'apt-get install prometheus');
const rules = fileURLToPath(new URL('../../contrib/prometheus/sla-watch-rules.yml', import.meta.url));
const ruleTests = fileURLToPath(new URL('../../contrib/prometheus/sla-watch-rules.test.yml', import.meta.url));

describe.runIf(promtool)('Prometheus alerting rules', () => {
  it('pass promtool check rules', async () => {
    const { stdout } = await run(promtool as string, ['check', 'rules', rules]);
    expect(stdout).toContain('SUCCESS: 5 rules found');
  });

  it('fire as their unit tests expect', async () => {
    const { stdout } = await run(promtool as string, ['test', 'rules', ruleTests]);
    expect(stdout).toContain('SUCCESS');
  });
});
