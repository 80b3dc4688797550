/**
 * Building blocks of the report's HTML, for mail clients first: nested tables, inline styles,
 * no <style> block, no scripts, no images, no remote fonts or other assets. Every dynamic
 * string goes through `escapeHtml` (callers pass text, never markup, to the helpers that take
 * `text`), and links through `safeHref`.
 */
import { escapeHtml, safeHref } from '../http/html/escape.ts';

export const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#111827;';
export const MUTED = 'color:#4b5563;';
export const CELL = 'padding:4px 8px;vertical-align:top;border-bottom:1px solid #e5e7eb;text-align:left;';

/** A full-width presentation table around `rows` (markup). */
export function table(rows: string, style = ''): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${FONT}${style}">${rows}</table>`;
}

/** One section of the report card: a row with padding and a top rule. */
export function sectionRow(inner: string): string {
  return `<tr><td style="padding:14px 20px;border-top:1px solid #e5e7eb;">${inner}</td></tr>`;
}

export function heading(text: string, colour = '#111827'): string {
  return `<div style="font-size:16px;font-weight:bold;color:${colour};margin:0 0 6px 0;">${escapeHtml(text)}</div>`;
}

export function paragraph(text: string, style = ''): string {
  return `<div style="margin:4px 0;${style}">${escapeHtml(text)}</div>`;
}

/** A data table: a header row from `headers`, then `rows` of cell texts (escaped here). */
export function dataTable(headers: readonly string[], rows: readonly (readonly string[])[], numericFrom = headers.length): string {
  const align = (i: number) => (i >= numericFrom ? 'text-align:right;' : '');
  const head = headers.map((h, i) => `<th style="${CELL}${MUTED}font-weight:normal;${align(i)}">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((v, i) => `<td style="${CELL}${align(i)}">${escapeHtml(v)}</td>`).join('')}</tr>`).join('');
  return table(`<tr>${head}</tr>${body}`);
}

/** A link when `href` is a safe http(s) URL, else the text alone. */
export function link(text: string, href: string): string {
  const safe = safeHref(href);
  if (safe === null) return escapeHtml(text);
  return `<a href="${safe}" style="color:#1d4ed8;text-decoration:underline;">${escapeHtml(text)}</a>`;
}

/** A coloured label, e.g. a budget status. */
export function badge(text: string, colour: string): string {
  return `<span style="display:inline-block;padding:2px 8px;border:1px solid ${colour};color:${colour};border-radius:10px;font-size:12px;font-weight:bold;">${escapeHtml(text)}</span>`;
}

/** A coloured square and a word, for the bar's legend. */
export function swatch(colour: string, text: string): string {
  return `<span style="color:${colour};">&#9632;</span>&nbsp;${escapeHtml(text)}`;
}

/** A full HTML document around the report card. */
export function htmlDocument(title: string, card: string): string {
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:0;background-color:#f3f4f6;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#f3f4f6" style="background-color:#f3f4f6;"><tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" bgcolor="#ffffff" style="width:100%;max-width:640px;background-color:#ffffff;border:1px solid #e5e7eb;border-collapse:collapse;${FONT}">` +
    `${card}</table></td></tr></table></body></html>`
  );
}
