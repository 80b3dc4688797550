/**
 * Screenshots of the daily and weekly SLA reports, email and page, for the README: two weeks
 * of made-up but plausible alerts (fixed seed) go through the real domain rules (new alerts,
 * people's and sources' responses) into an in-memory store, the real use case builds the
 * reports, and headless Chromium (Debian's, through playwright-core) renders each HTML.
 *
 * Run: npx tsx scripts/report-screenshots.ts [chromium path]  (writes docs/screenshots/*.png)
 */
import { mkdir } from 'node:fs/promises';
import { buildReport } from '../shared/app/build-report.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { alertId } from '../shared/domain/alert/alert-id.ts';
import { applyResponse } from '../shared/domain/alert/apply-response.ts';
import { newAlert } from '../shared/domain/alert/new-alert.ts';
import type { Alert } from '../shared/domain/alert/alert.ts';
import { DAY_MS } from '../shared/domain/instant.ts';
import { PRIORITIES } from '../shared/domain/sla/priority.ts';
import { renderReportHtml } from '../shared/report/report-html.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { InMemoryAlertStore } from '../test/support/in-memory-alert-store.ts';
import { InMemoryReportRollups } from '../test/support/in-memory-report-rollups.ts';

const NOW = Date.parse('2026-12-08T08:00:00Z');
const FIRST_DAY = Date.parse('2026-11-23T00:00:00Z');
const SERVICES = ['checkout', 'payments', 'search', 'auth'];
const SOURCES = ['HighErrorRate', 'DiskFull', 'LatencyP99', 'CertExpiry', 'QueueBacklog'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const config = parseConfig(
  {
    sla: { reporting: { timezone: 'UTC', include_details: true, group_by: 'service', intervals: ['daily', 'weekly'] } },
    links: { base_url: 'https://sla.example.com' },
  },
  {},
);

function respond(alert: Alert, type: 'acknowledgment' | 'resolution', at: number, via: 'api' | 'link' | 'webhook', by: string): Alert {
  if (at > NOW) return alert;
  const outcome = applyResponse(alert, { type, by, note: null, via }, at);
  return outcome.alert;
}

async function seed(store: InMemoryAlertStore): Promise<void> {
  const next = random(2026);
  for (let day = 0; day < 15; day += 1) {
    const count = 8 + Math.floor(next() * 10) + (day === 9 ? 12 : 0);
    for (let i = 0; i < count; i += 1) {
      const createdAt = FIRST_DAY + day * DAY_MS + Math.floor(next() * DAY_MS);
      if (createdAt > NOW) continue;
      const priority = PRIORITIES[Math.min(3, Math.floor(next() * next() * 5))] ?? 'medium';
      const source = SOURCES[Math.floor(next() * SOURCES.length)] ?? 'HighErrorRate';
      const service = SERVICES[Math.floor(next() * SERVICES.length)] ?? 'checkout';
      const dedupKey = `${source}-${service}-${day}-${i}`;
      let alert = newAlert({
        id: alertId('prod-alertmanager', dedupKey, 1),
        integrationId: 'prod-alertmanager',
        format: 'alertmanager',
        dedupKey,
        occurrence: 1,
        title: `${source} on ${service}`,
        description: null,
        sourceName: source,
        severity: priority,
        priority,
        labels: { alertname: source, service, severity: priority },
        annotations: {},
        links: [],
        sourceStartedAt: createdAt,
        policy: config.policies[priority],
        now: createdAt,
      });
      const ackAllowance = alert.timeline.acknowledgment.deadlineAt - createdAt;
      const roll = next();
      if (roll < 0.12) {
        // The source resolved it before anyone looked.
        alert = respond(alert, 'resolution', createdAt + Math.floor(next() * ackAllowance * 1.5), 'webhook', 'alertmanager');
      } else if (roll < 0.97) {
        const ackAt = createdAt + Math.floor(next() * ackAllowance * (roll < 0.8 ? 0.9 : 1.6));
        alert = respond(alert, 'acknowledgment', ackAt, next() < 0.5 ? 'link' : 'api', 'oncall@example.com');
        if (next() < 0.97) alert = respond(alert, 'resolution', ackAt + Math.floor(next() * (alert.timeline.resolution.deadlineAt - createdAt) * 1.1), 'api', 'oncall@example.com');
      }
      await store.create(alert);
    }
  }
}

const store = new InMemoryAlertStore();
await seed(store);
const deps = { config, store, clock: { now: () => NOW }, rollups: new InMemoryReportRollups() };
const daily = await buildReport(deps, { interval: 'daily', label: '2026-12-07' });
const weekly = await buildReport(deps, { interval: 'weekly', label: '2026-W49' });

await mkdir('docs/screenshots', { recursive: true });
const browser = await launchChromium(process.argv[2] ?? '/usr/bin/chromium');
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 720, height: 900 });
  for (const [name, report] of [
    ['daily', daily],
    ['weekly', weekly],
  ] as const) {
    for (const variant of ['email', 'page'] as const) {
      await page.setContent(renderReportHtml(report, variant));
      const path = `docs/screenshots/report-${name}-${variant}.png`;
      // The top of the report (the rest is lists): what a reader sees first.
      const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
      await page.screenshot({ path, clip: { x: 0, y: 0, width: 720, height: Math.min(height, 2000) } });
      console.log(`${path}: ${report.totals.opened} alerts, ${report.totals.breaches} breaches, ${report.backlog.total.open} open`);
    }
  }
} finally {
  await browser.close();
}
