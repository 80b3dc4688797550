/**
 * The frame of every page a person sees (the acknowledgment pages): a complete HTML document
 * readable on a phone, with its styles inline and nothing loaded from anywhere, served with
 * headers that suit a page whose URL holds a secret token: no referrer leaves it, nothing
 * caches or indexes it, no script runs and no other site may frame it.
 *
 * `body` is markup the caller has already built with `escapeHtml` for every untrusted value;
 * `title` is escaped here.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { escapeHtml } from './escape.ts';

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  // frame-ancestors and base-uri are not covered by default-src: they are set as well.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

const STYLE = `
body{margin:0;padding:16px;background:#f3f4f6;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111827}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
h1{font-size:1.3rem;margin:0 0 12px}
h2{font-size:1.1rem;margin:4px 0 12px;word-break:break-word}
.tag{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;padding:2px 8px;border-radius:4px;background:#111827;color:#fff}
.tag.critical{background:#b91c1c}.tag.high{background:#c2410c}.tag.medium{background:#a16207}.tag.low{background:#1d4ed8}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0 0 16px}
dt{color:#4b5563}dd{margin:0;word-break:break-word}
.notice{padding:12px;border-radius:6px;margin:0 0 16px;background:#ecfdf5;border:1px solid #a7f3d0}
.notice.warn{background:#fffbeb;border-color:#fde68a}
.notice.error{background:#fef2f2;border-color:#fecaca}
label{display:block;font-weight:600;margin:0 0 4px}
textarea{box-sizing:border-box;width:100%;min-height:7em;font:inherit;padding:8px;border:1px solid #9ca3af;border-radius:6px}
button{font:inherit;font-weight:700;padding:12px 20px;margin-top:12px;border:0;border-radius:6px;background:#111827;color:#fff;width:100%}
.small{font-size:.85rem;color:#4b5563}
`;

export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)} · sla-watch</title>`,
    `<style>${STYLE}</style>`,
    '</head><body><main>',
    body,
    '<p class="small">sla-watch</p>',
    '</main></body></html>',
  ].join('\n');
}

/** A page response with the headers above; `extraHeaders` for e.g. Retry-After. */
export function pageResponse(c: Context, status: ContentfulStatusCode, html: string, extraHeaders: Record<string, string> = {}): Response {
  return c.body(html, status, { ...PAGE_HEADERS, ...extraHeaders });
}
