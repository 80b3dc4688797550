/**
 * The plain-text alternative of a notification email, for clients that show no HTML and for
 * people who read mail as text: the same view, as labelled lines. Text from the alert is
 * already cleaned of control characters by the view; nothing here needs escaping.
 */
import { ACTION_LABELS } from './email-html.ts';
import type { NotificationView, ViewFact } from './notification-view.ts';

function block(heading: string, facts: readonly ViewFact[]): string[] {
  if (facts.length === 0) return [];
  return ['', `${heading}:`, ...facts.map((fact) => `  ${fact.label}: ${fact.value.replace(/\n/g, '\n    ')}`)];
}

export function renderEmailText(view: NotificationView): string {
  const lines: string[] = [`${view.priority.toUpperCase()} · ${view.headline}`, view.title, '', view.callToAction];
  if (view.viewUrl !== null) lines.push('', `See the alert, its SLA timeline and every response: ${view.viewUrl}`);
  if (view.actionLinks.length > 0) {
    lines.push('', 'Your links (each opens a confirmation page; they record the action in your name):');
    for (const link of view.actionLinks) lines.push(`  ${ACTION_LABELS[link.action]}: ${link.url}`);
  }
  if (view.description !== null) lines.push('', view.description);
  lines.push(...block('Details', view.facts), ...block('Labels', view.labels), ...block('Annotations', view.annotations));
  if (view.sourceLinks.length > 0) {
    lines.push('', 'Links from the source:', ...view.sourceLinks.map((link) => `  ${link.text}: ${link.href}`));
  }
  lines.push('', '-- ', 'Sent by sla-watch.');
  return `${lines.join('\n')}\n`;
}
