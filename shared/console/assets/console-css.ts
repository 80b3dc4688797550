/**
 * The console's one stylesheet, served from the app (/console/console.css) so pages need no
 * inline style and load nothing from elsewhere. Colours follow the emails (the same priority
 * reds, oranges, ambers and blues); dark mode by prefers-color-scheme; one column on a phone.
 */
export const CONSOLE_CSS = `
:root{--bg:#f3f4f6;--card:#fff;--text:#111827;--muted:#4b5563;--line:#e5e7eb;--link:#1d4ed8;--ok:#15803d;--warn:#a16207;--bad:#b91c1c;--shade:#dbeafe;--accent:#111827;--accent-text:#fff;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0b1120;--card:#111827;--text:#f3f4f6;--muted:#9ca3af;--line:#374151;--link:#93c5fd;--ok:#4ade80;--warn:#fbbf24;--bad:#f87171;--shade:#1e3a5f;--accent:#e5e7eb;--accent-text:#111827}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
a{color:var(--link)}
header.top{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:10px 16px;background:var(--card);border-bottom:1px solid var(--line)}
header.top .brand{font-weight:700;text-decoration:none;color:var(--text)}
header.top nav{display:flex;flex-wrap:wrap;gap:4px 14px}
header.top .who{margin-left:auto;display:flex;gap:8px;align-items:center;color:var(--muted);font-size:.9rem}
main{max-width:1200px;margin:0 auto;padding:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px;margin:0 0 16px}
h1{font-size:1.35rem;margin:0 0 12px}h2{font-size:1.1rem;margin:0 0 10px}
.muted,.small{color:var(--muted)}.small{font-size:.85rem}
.tag{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;padding:1px 7px;border-radius:4px;color:#fff;background:#374151}
.tag.critical{background:#b91c1c}.tag.high{background:#c2410c}.tag.medium{background:#854d0e}.tag.low{background:#1d4ed8}
.status{font-weight:700}.status.compliant,.o-met{color:var(--ok)}.status.at_risk,.o-pending.s-at_risk{color:var(--warn)}.status.breached,.o-breached_open,.o-missed{color:var(--bad)}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px;padding:0;list-style:none}
.counts li{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:6px 12px}
.counts b{font-size:1.2rem;margin-right:4px}
form.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:end;margin:0 0 12px}
label{display:block;font-weight:600;font-size:.85rem;margin:0 0 2px}
input,select,textarea{font:inherit;color:inherit;background:var(--card);border:1px solid #6b7280;border-radius:6px;padding:6px 8px}
textarea{width:100%;min-height:5em}
button,.button{font:inherit;font-weight:700;padding:7px 14px;border:0;border-radius:6px;background:var(--accent);color:var(--accent-text);cursor:pointer;text-decoration:none;display:inline-block}
button.plain{background:transparent;color:var(--link);padding:0;font-weight:400;text-decoration:underline}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:8px;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600;font-size:.85rem}
td.title a{font-weight:600;word-break:break-word}
.clock .text{display:block;font-weight:600}.clock .due{display:block;font-size:.85rem;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;word-break:break-word}
.notice{padding:10px 12px;border-radius:6px;border:1px solid var(--line);margin:0 0 12px}
.notice.error{border-color:var(--bad)}.notice.ok{border-color:var(--ok)}
.actions{display:flex;flex-wrap:wrap;gap:12px;align-items:start}
.actions form{margin:0}
.timeline svg{width:100%;height:auto;display:block}
.timeline .win{fill:var(--shade)}.timeline .axis{stroke:var(--muted)}.timeline text{fill:var(--text);font-size:11px}
.timeline .m-deadline{stroke:var(--bad)}.timeline .m-risk{stroke:var(--warn)}.timeline .m-arrival,.timeline .m-response{stroke:var(--ok)}.timeline .m-reminder{stroke:var(--muted)}.timeline .m-now{stroke:var(--link)}
.timeline .bar-ack{fill:var(--warn)}.timeline .bar-res{fill:var(--bad)}
ul.legend{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;padding:0;margin:8px 0 0;font-size:.85rem}
pre{white-space:pre-wrap;word-break:break-all;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px;font-size:.85rem}
nav.reports{margin:0 0 12px}
.pager{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:baseline;margin:12px 0}.pager h1{margin:0}
nav.tabs{display:flex;gap:4px;margin:0 0 8px}nav.tabs a{padding:4px 12px;border:1px solid var(--line);border-radius:6px;text-decoration:none;background:var(--card)}
nav.tabs a[aria-current=page]{background:var(--accent);color:var(--accent-text);border-color:var(--accent);font-weight:700}
.paper{background:#fff;color:#111827;border-radius:8px;overflow:auto}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:720px){
 table.board thead{display:none}
 table.board tr{display:block;border-bottom:1px solid var(--line);padding:6px 0}
 table.board td{display:block;border:0;padding:2px 4px}
 dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:6px}
}
`;
