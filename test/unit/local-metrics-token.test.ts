/**
 * `npm start` makes /metrics usable at once: a metrics token generated on the first run, kept
 * across restarts, written alone to a private file that a Prometheus scrape config names, and
 * taken by the local configuration unless the user's file sets `metrics_tokens` itself.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLocalConfig } from '../../infra/local/local-config.ts';
import { loadOrCreateLocalSecrets, metricsTokenFile } from '../../infra/local/local-secrets.ts';
import { scrapeConfig } from '../../infra/local/scrape-config.ts';

describe('the local metrics token', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-watch-local-token-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is generated once, kept across restarts, and written alone to a file only its owner reads', async () => {
    const first = await loadOrCreateLocalSecrets(dir);
    expect(first.metricsToken).toMatch(/^[A-Za-z0-9]{32}$/);
    const again = await loadOrCreateLocalSecrets(dir);
    expect(again.metricsToken).toBe(first.metricsToken);
    expect(await readFile(metricsTokenFile(dir), 'utf8')).toBe(first.metricsToken);
    expect((await stat(metricsTokenFile(dir))).mode & 0o777).toBe(0o600);
  });

  it('protects /metrics in the local configuration unless the file sets its own tokens', async () => {
    const secrets = await loadOrCreateLocalSecrets(dir);
    const withoutTokens = join(dir, 'sla-watch.yml');
    await writeFile(withoutTokens, 'links: {ttl: 1d}\n');
    const local = await loadLocalConfig({ path: withoutTokens, env: {}, secrets, baseUrl: 'http://127.0.0.1:8080' });
    expect(local.generatedMetricsToken).toBe(true);
    expect(local.config.metricsTokens).toEqual([{ name: 'local', token: secrets.metricsToken }]);

    const own = join(dir, 'own.yml');
    await writeFile(own, 'metrics_tokens: [{name: prom, token_env: MY_PROM_TOKEN}]\n');
    const mine = await loadLocalConfig({ path: own, env: { MY_PROM_TOKEN: 'my-prometheus-token-0123' }, secrets, baseUrl: 'http://127.0.0.1:8080' });
    expect(mine.generatedMetricsToken).toBe(false);
    expect(mine.config.metricsTokens).toEqual([{ name: 'prom', token: 'my-prometheus-token-0123' }]);
  });

  it('is named by file in the printed scrape config, never written into it', () => {
    const lines = scrapeConfig({ url: 'http://127.0.0.1:8080', credentialsFile: '/data/metrics-token' }).join('\n');
    expect(lines).toContain('credentials_file: "/data/metrics-token"');
    expect(lines).toContain('targets: ["127.0.0.1:8080"]');
    expect(lines).toContain('job_name: sla-watch');
  });
});
