/**
 * A responder acknowledges from the email, in a real browser: the acknowledgment link is read
 * out of a real email in the SES emulator, opening it changes nothing (mail scanners open
 * links), and only the page's button records the acknowledgment, attributed to the recipient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLinkToken } from '../../shared/domain/links/link-token.ts';
import { binaryOrSkip } from '../support/binaries.ts';
import { launchChromium } from '../support/chromium.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { startTestStack, TEST_LINK_SECRET, type TestStack } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';

const executable = binaryOrSkip(['chromium', 'chromium-browser'], 'apt-get install chromium');

interface AlertDetail {
  status: string;
  acknowledgedBy: string | null;
  responses: { type: string; by: string; via: string }[];
}

describe.runIf(executable)('acknowledging from an email link in Chromium', () => {
  let stack: TestStack;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    stack = await startTestStack();
    chromium = await launchChromium(executable as string);
  });

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  });

  it('shows the alert on GET, acknowledges only on the button, as the recipient', async () => {
    const posted = await fetch(`${stack.url}/webhooks/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRETS.generic}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'checkout-5xx', title: 'Checkout 5xx rate above 5%', severity: 'error' }),
    });
    expect(posted.status).toBe(200);
    const { results } = (await posted.json()) as { results: { alertId: string }[] };
    const alertId = results[0]?.alertId as string;

    const email = await waitFor('the new-alert email', async () => {
      const emails = await stack.emails();
      return emails.find((mail) => mail.subject.includes('Checkout 5xx rate above 5%'));
    });
    const recipient = email.destination.to[0] as string;
    expect(recipient).toBe('oncall-high@example.test');

    const links = [...(email.body.html ?? '').matchAll(/href="([^"]*\/ack\/[^"]+)"/g)].map((match) => match[1] as string);
    const ackLink = links.find((link) => {
      const token = link.slice(link.lastIndexOf('/') + 1);
      const verified = verifyLinkToken(token, TEST_LINK_SECRET, Date.now());
      return verified.ok && verified.claims.action === 'acknowledge';
    });
    expect(ackLink, 'the email carries an acknowledge link').toBeDefined();
    expect(ackLink?.startsWith(stack.url)).toBe(true);

    const page = await chromium.context.newPage();
    await page.goto(ackLink as string);
    await expect.poll(() => page.textContent('body')).toContain('Checkout 5xx rate above 5%');
    expect(await page.textContent('body')).toContain('high');

    const before = (await (await stack.api(`/alerts/${alertId}`)).json()) as AlertDetail;
    expect(before.status).toBe('open');
    expect(before.responses).toEqual([]);

    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.textContent('body')).toContain('Acknowledged');
    expect(await page.textContent('body')).toContain(recipient);

    const after = (await (await stack.api(`/alerts/${alertId}`)).json()) as AlertDetail;
    expect(after.status).toBe('acknowledged');
    expect(after.acknowledgedBy).toBe(recipient);
    expect(after.responses).toMatchObject([{ type: 'acknowledgment', by: recipient, via: 'link' }]);

    // Opening the link again (a scanner, or a second click) is harmless.
    await page.goto(ackLink as string);
    expect(await page.textContent('body')).toContain('Already acknowledged');
    await page.close();
  });
});
