/**
 * The Prometheus scrape configuration for a running sla-watch, as `npm start` prints it: paste
 * it under `scrape_configs:` (or use it as is as a whole prometheus.yml). The token is passed by
 * file (`credentials_file`), so the configuration printed holds no secret.
 */

/** Job name the alerting rules (contrib/prometheus) expect for the `up` series. */
export const SCRAPE_JOB = 'sla-watch';

export function scrapeConfig(input: { url: string; credentialsFile: string; intervalSeconds?: number }): string[] {
  const target = new URL(input.url);
  return [
    'scrape_configs:',
    `  - job_name: ${SCRAPE_JOB}`,
    `    scrape_interval: ${input.intervalSeconds ?? 30}s`,
    `    scheme: ${target.protocol.replace(':', '')}`,
    '    metrics_path: /metrics',
    '    authorization:',
    '      type: Bearer',
    `      credentials_file: ${JSON.stringify(input.credentialsFile)}`,
    '    static_configs:',
    `      - targets: [${JSON.stringify(target.host)}]`,
  ];
}
