/**
 * A notification as a Slack message: a text fallback (for notifications and old clients) and
 * Block Kit blocks. Slack reads `&`, `<` and `>` as control characters (`<!channel>`,
 * `<url|text>`), so every piece of alert text is escaped with `escapeSlack`; otherwise an alert
 * title could ping a whole channel or disguise a link.
 *
 * Slack carries no signed action links: a channel is shared, and a link signed for nobody in
 * particular could not say who acted. People act from their email.
 */
import type { NotificationView, ViewFact } from './notification-view.ts';
import type { ChatMessage } from '../../ports/chat.ts';

/** Block Kit limits: 10 fields per section, 3000 characters per text, 50 blocks. */
const MAX_FIELDS = 10;
const MAX_SECTION_CHARS = 2900;

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL inside `<url|text>`: the delimiters must not appear raw in it. */
function slackUrl(href: string): string {
  return href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/&/g, '&amp;');
}

function capSection(text: string): string {
  return text.length <= MAX_SECTION_CHARS ? text : `${text.slice(0, MAX_SECTION_CHARS - 1)}…`;
}

function mrkdwn(text: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: capSection(text) };
}

function keyValues(facts: readonly ViewFact[]): string {
  return facts.map((fact) => `${escapeSlack(fact.label)}: ${escapeSlack(fact.value)}`).join('\n');
}

export function buildSlackMessage(view: NotificationView): ChatMessage {
  const heading = `${view.priority.toUpperCase()} · ${view.headline}`;
  const blocks: unknown[] = [
    { type: 'section', text: mrkdwn(`*${escapeSlack(heading)}*\n${escapeSlack(view.title)}`) },
    { type: 'section', text: mrkdwn(escapeSlack(view.callToAction)) },
    {
      type: 'section',
      fields: view.facts.slice(0, MAX_FIELDS).map((fact) => mrkdwn(`*${escapeSlack(fact.label)}*\n${escapeSlack(fact.value)}`)),
    },
  ];
  if (view.labels.length > 0) blocks.push({ type: 'section', text: mrkdwn(`*Labels*\n${keyValues(view.labels)}`) });
  if (view.sourceLinks.length > 0) {
    const links = view.sourceLinks.map((link) => `<${slackUrl(link.href)}|${escapeSlack(link.text)}>`).join(' · ');
    blocks.push({ type: 'context', elements: [mrkdwn(links)] });
  }
  return { text: escapeSlack(`[sla-watch] ${heading}: ${view.title}`), blocks };
}
