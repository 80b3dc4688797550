/**
 * The HTML body of a notification email. Email clients ignore or strip <style> blocks,
 * scripts and remote assets, so the layout is nested tables with inline styles, no images and
 * no scripts. Every piece of text from the view passes through `escapeHtml`, and hrefs
 * through `safeHref`; the markup here is the only unescaped text.
 */
import type { LinkAction } from '../../domain/links/link-token.ts';
import type { Priority } from '../../domain/sla/priority.ts';
import { escapeHtml, safeHref } from '../../http/html/escape.ts';
import type { NotificationView, ViewFact } from './notification-view.ts';

const PRIORITY_COLOURS: Readonly<Record<Priority, string>> = {
  critical: '#b91c1c',
  high: '#c2410c',
  medium: '#a16207',
  low: '#1d4ed8',
};

export const ACTION_LABELS: Readonly<Record<LinkAction, string>> = {
  acknowledge: 'Acknowledge',
  resolve: 'Resolve',
  update: 'Post an update',
};

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#111827;';
const CELL = 'padding:4px 8px;vertical-align:top;border-bottom:1px solid #e5e7eb;';

function factRows(facts: readonly ViewFact[]): string {
  return facts
    .map(
      (fact) =>
        `<tr><td style="${CELL}width:30%;color:#4b5563;word-break:break-word;">${escapeHtml(fact.label)}</td>` +
        `<td style="${CELL}white-space:pre-wrap;word-break:break-word;">${escapeHtml(fact.value)}</td></tr>`,
    )
    .join('');
}

function section(heading: string, facts: readonly ViewFact[]): string {
  if (facts.length === 0) return '';
  return (
    `<tr><td style="padding:16px 0 4px 0;font-weight:bold;">${escapeHtml(heading)}</td></tr>` +
    `<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${FONT}">${factRows(facts)}</table></td></tr>`
  );
}

function actionButtons(view: NotificationView): string {
  const buttons = view.actionLinks.flatMap((link) => {
    const href = safeHref(link.url);
    if (href === null) return [];
    return [
      `<td style="padding:0 8px 8px 0;"><a href="${href}" style="display:inline-block;padding:10px 16px;background:#111827;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">${escapeHtml(ACTION_LABELS[link.action])}</a></td>`,
    ];
  });
  if (buttons.length === 0) return '';
  return (
    `<tr><td style="padding:16px 0 0 0;"><table role="presentation" cellpadding="0" cellspacing="0"><tr>${buttons.join('')}</tr></table></td></tr>` +
    `<tr><td style="padding:0;color:#4b5563;font-size:12px;">Each button opens a confirmation page; nothing changes until you confirm there. The links are personal: they record the action in your name.</td></tr>`
  );
}

function consoleLink(view: NotificationView): string {
  const href = view.viewUrl === null ? null : safeHref(view.viewUrl);
  if (href === null) return '';
  return `<tr><td style="padding:12px 0 0 0;"><a href="${href}" style="color:#1d4ed8;">See the alert, its SLA timeline and every response</a></td></tr>`;
}

function sourceLinks(view: NotificationView): string {
  const items = view.sourceLinks.flatMap((link) => {
    const href = safeHref(link.href);
    return href === null ? [] : [`<a href="${href}" style="color:#1d4ed8;">${escapeHtml(link.text)}</a>`];
  });
  if (items.length === 0) return '';
  return `<tr><td style="padding:12px 0 0 0;">Links from the source: ${items.join(' · ')}</td></tr>`;
}

export function renderEmailHtml(view: NotificationView): string {
  const colour = PRIORITY_COLOURS[view.priority];
  const description =
    view.description === null ? '' : `<tr><td style="padding:8px 0;white-space:pre-wrap;word-break:break-word;">${escapeHtml(view.description)}</td></tr>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;${FONT}">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:16px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border-top:6px solid ${colour};${FONT}">`,
    `<tr><td style="padding:16px 16px 0 16px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${FONT}">`,
    `<tr><td style="font-size:12px;font-weight:bold;color:${colour};text-transform:uppercase;">${escapeHtml(view.priority)} · ${escapeHtml(view.headline)}</td></tr>`,
    `<tr><td style="padding:4px 0 8px 0;font-size:20px;font-weight:bold;word-break:break-word;">${escapeHtml(view.title)}</td></tr>`,
    `<tr><td style="padding:0 0 8px 0;">${escapeHtml(view.callToAction)}</td></tr>`,
    actionButtons(view),
    consoleLink(view),
    description,
    section('Details', view.facts),
    section('Labels', view.labels),
    section('Annotations', view.annotations),
    sourceLinks(view),
    `<tr><td style="padding:16px 0;color:#6b7280;font-size:12px;">Sent by sla-watch.</td></tr>`,
    '</table></td></tr></table>',
    '</td></tr></table></body></html>',
  ].join('\n');
}
