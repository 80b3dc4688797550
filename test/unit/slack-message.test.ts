import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { buildNotificationView } from '../../shared/notify/templates/notification-view.ts';
import { buildSlackMessage, escapeSlack } from '../../shared/notify/templates/slack-message.ts';
import { FIXTURE_CREATED_AT, makeAlert } from '../support/alert-fixtures.ts';
import { testConfig } from '../support/config-fixtures.ts';

const config = testConfig();
const NOW = FIXTURE_CREATED_AT + 26 * MINUTE_MS;

function message(alert = makeAlert()) {
  const view = buildNotificationView({ kind: 'acknowledgment-at-risk', alertId: alert.id, dueAt: NOW }, alert, { config, now: NOW, actionLinks: [] });
  return buildSlackMessage(view);
}

/** Every string anywhere in the message, as Slack would read it. */
function allText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allText);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allText);
  return [];
}

describe('Slack messages', () => {
  it('escape the three characters Slack treats as markup', () => {
    expect(escapeSlack('a & b <!channel> c > d')).toBe('a &amp; b &lt;!channel&gt; c &gt; d');
  });

  it('cannot ping a channel or hide a link through alert text', () => {
    const msg = message(
      makeAlert({
        title: 'Disk <!channel> full & <https://evil.test|click here>',
        labels: { team: '<!here> ops', '<@U123>': 'x' },
        links: [{ href: 'https://grafana.test/d/1?x=a|b>c', text: '<!everyone>' }],
      }),
    );
    for (const text of allText(msg)) {
      expect(text).not.toMatch(/<!|<@|<https:\/\/evil/);
    }
    expect(msg.text).toContain('Disk &lt;!channel&gt; full &amp; &lt;https://evil.test|click here&gt;');
    const links = allText(msg).filter((t) => t.includes('grafana.test'));
    expect(links).toEqual(['<https://grafana.test/d/1?x=a%7Cb%3Ec|&lt;!everyone&gt;>']);
  });

  it('give a text fallback and blocks with priority, kind, title and deadlines', () => {
    const msg = message();
    expect(msg.text).toBe('[sla-watch] HIGH · Acknowledgment SLA at risk: HighErrorRate: checkout 5xx above 5%');
    const text = allText(msg.blocks).join('\n');
    expect(text).toContain('*HIGH · Acknowledgment SLA at risk*');
    expect(text).toContain('2026-11-30T12:30:00Z — at risk, 4m left');
    expect(text).toContain('service: checkout');
  });

  it('carry no signed action links (a channel is not a person)', () => {
    expect(allText(message()).join('\n')).not.toContain('/ack/');
  });

  it('stay within Block Kit limits for any alert', () => {
    const labels = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`label${i}`, 'v'.repeat(400)]));
    const msg = message(makeAlert({ labels, title: 't'.repeat(5000) }));
    const blocks = msg.blocks as { type: string; text?: { text: string }; fields?: unknown[] }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      if (block.text !== undefined) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.fields !== undefined) expect(block.fields.length).toBeLessThanOrEqual(10);
    }
  });
});
