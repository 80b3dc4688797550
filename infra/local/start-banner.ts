/**
 * What `npm start` prints once the stack is up: a webhook URL per integration and how to pass
 * its secret, an example request, the mail viewer, where data lives and a Prometheus scrape
 * configuration for `/metrics`. Secrets themselves are
 * never printed: commands read them from the data directory's secrets file.
 */
import { join, relative } from 'node:path';
import type { LocalConfig } from './local-config.ts';
import type { LocalStack } from './local-stack.ts';
import { metricsTokenFile } from './local-secrets.ts';
import { scrapeConfig } from './scrape-config.ts';

export function startBanner(input: { stack: LocalStack; local: LocalConfig; dataDir: string; signInUrl?: string }): string {
  const { stack, local, dataDir } = input;
  const secretsFile = shortPath(join(dataDir, 'secrets.json'));
  const lines: string[] = [
    '',
    `sla-watch is running at ${stack.url}`,
    ...(input.signInUrl === undefined ? [] : [`  console:       ${input.signInUrl}`, '                 (a one-time sign-in link, valid for an hour; after that sign in with the API key)']),
    `  configuration: ${local.source}`,
    `  data:          ${shortPath(dataDir)} (alerts, timers and secrets survive restarts)`,
    `  mail viewer:   ${stack.sesUrl}/ (every email sla-watch sends lands here)`,
    `  API document:  ${stack.url}/openapi.json`,
    '',
    'Webhook URLs (pass the secret as "Authorization: Bearer <secret>", or as the Basic-auth password):',
  ];
  for (const integration of local.config.integrations) {
    const url = integration.format === 'pagerduty' ? `${stack.url}/v2/enqueue (routing_key = secret)` : `${stack.url}/webhooks/${integration.id}`;
    const secret = local.generatedIntegrations.includes(integration.id)
      ? `secret: jq -r '.integrations["${integration.id}"]' ${secretsFile}`
      : 'secret: as set in your configuration';
    lines.push(`  ${integration.id.padEnd(14)} ${integration.format.padEnd(13)} ${url}`, `  ${''.padEnd(28)} ${secret}`);
  }
  const generic = local.config.integrations.find((integration) => integration.format === 'generic');
  if (generic && local.generatedIntegrations.includes(generic.id)) {
    lines.push(
      '',
      'Try it:',
      `  curl -sS -X POST ${stack.url}/webhooks/${generic.id} \\`,
      `    -H "Authorization: Bearer $(jq -r '.integrations["${generic.id}"]' ${secretsFile})" \\`,
      `    -H 'content-type: application/json' \\`,
      `    -d '{"id":"disk-full-db1","title":"Disk full on db-1","severity":"critical"}'`,
    );
  }
  if (local.generatedApiKey) {
    lines.push(
      `  curl -sS ${stack.url}/alerts -H "Authorization: Bearer $(jq -r .apiKey ${secretsFile})"`,
    );
  }
  const credentialsFile = local.generatedMetricsToken ? metricsTokenFile(dataDir) : '<a file holding one of your metrics_tokens>';
  lines.push(
    '',
    `Prometheus scrape config (GET ${stack.url}/metrics; the token is read from the file, never printed):`,
    ...scrapeConfig({ url: stack.url, credentialsFile }).map((line) => `  ${line}`),
  );
  lines.push('', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

function shortPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') ? path : fromHere || '.';
}
