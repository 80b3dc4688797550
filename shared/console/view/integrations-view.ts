/**
 * The integrations page: for each configured integration its URL, format, how many secrets
 * are active (their values never leave the server: snippets name a placeholder variable),
 * a ready-to-paste snippet for its tool, and what its intake has seen (accepted, rejected,
 * last delivery, last rejection's reason).
 */
import type { IntegrationConfig } from '../../config/app-config.ts';
import type { Instant } from '../../domain/instant.ts';
import type { IntegrationIntakeStats } from '../../ports/intake-stats.ts';
import { ageText, isoText, utcText } from './time-text.ts';

export interface IntegrationRow {
  readonly id: string;
  readonly format: string;
  readonly url: string;
  /** The placeholder the snippet reads the secret from. */
  readonly secretName: string;
  readonly secretText: string;
  readonly snippetTitle: string;
  readonly snippet: string;
  readonly stats: {
    readonly accepted: number;
    readonly rejected: number;
    readonly lastDelivered: { readonly iso: string; readonly utc: string; readonly ago: string } | null;
    readonly lastRejection: { readonly reason: string; readonly iso: string; readonly utc: string } | null;
  } | null;
}

export function secretVariable(integrationId: string): string {
  return `SLA_WATCH_${integrationId.toUpperCase().replace(/-/g, '_')}_SECRET`;
}

export function integrationUrl(baseUrl: string, integration: Pick<IntegrationConfig, 'id' | 'format'>): string {
  return integration.format === 'pagerduty' ? `${baseUrl}/v2/enqueue` : `${baseUrl}/webhooks/${integration.id}`;
}

function snippet(integration: IntegrationConfig, url: string, secret: string): { title: string; text: string } {
  switch (integration.format) {
    case 'alertmanager':
      return {
        title: 'Alertmanager: alertmanager.yml receivers (route alerts to it)',
        text: [
          'receivers:',
          '  - name: sla-watch',
          '    webhook_configs:',
          `      - url: ${url}`,
          '        send_resolved: true',
          '        http_config:',
          '          authorization:',
          '            type: Bearer',
          `            credentials_file: /etc/alertmanager/${integration.id}.secret  # holds $${secret}`,
        ].join('\n'),
      };
    case 'grafana':
      return {
        title: 'Grafana: Alerting > Contact points > New contact point',
        text: [
          'Integration:            Webhook',
          `URL:                    ${url}`,
          'HTTP Method:            POST',
          'Authorization Header - Scheme:      Bearer',
          `Authorization Header - Credentials: <value of ${secret}>`,
          ...(integration.grafanaSignature === null ? [] : [`HMAC Signature - Secret: <the signature secret>  (header ${integration.grafanaSignature.header})`]),
        ].join('\n'),
      };
    case 'uptime-kuma':
      return {
        title: 'Uptime Kuma: Settings > Notifications > Setup Notification',
        text: [
          'Notification Type:  Webhook',
          `Post URL:           ${url}`,
          'Request Body:       Preset - application/json',
          'Additional Headers:',
          `{ "Authorization": "Bearer <value of ${secret}>" }`,
        ].join('\n'),
      };
    case 'pagerduty':
      return {
        title: 'PagerDuty Events v2 senders: the routing key is the secret',
        text: [
          `Events API URL:  ${url}`,
          `Routing key:     <value of ${secret}>  (32 letters and digits; put it where the tool asks for a PagerDuty "Integration Key")`,
          'No Authorization header: the routing_key in the body identifies and authenticates the integration.',
        ].join('\n'),
      };
    case 'generic':
      return {
        title: 'Any tool or script: one JSON alert per POST',
        text: [
          `curl -sS -X POST ${url} \\`,
          `  -H "Authorization: Bearer $${secret}" \\`,
          "  -H 'content-type: application/json' \\",
          `  -d '{"id":"disk-full-db1","title":"Disk full on db-1","severity":"critical"}'`,
        ].join('\n'),
      };
  }
}

export function integrationsView(
  integrations: readonly IntegrationConfig[],
  baseUrl: string,
  stats: readonly IntegrationIntakeStats[] | null,
  now: Instant,
): IntegrationRow[] {
  return integrations.map((integration) => {
    const url = integrationUrl(baseUrl, integration);
    const secretName = secretVariable(integration.id);
    const shown = snippet(integration, url, secretName);
    const s = stats?.find((x) => x.integrationId === integration.id);
    return {
      id: integration.id,
      format: integration.format,
      url,
      secretName,
      secretText:
        integration.secrets.length > 1 ? `${integration.secrets.length} secrets active (a rotation); values are never shown` : '1 secret active; its value is never shown',
      snippetTitle: shown.title,
      snippet: shown.text,
      stats:
        stats === null
          ? null
          : {
              accepted: s?.accepted ?? 0,
              rejected: s?.rejected ?? 0,
              lastDelivered: s?.lastAcceptedAt == null ? null : { iso: isoText(s.lastAcceptedAt), utc: utcText(s.lastAcceptedAt), ago: ageText(s.lastAcceptedAt, now) },
              lastRejection:
                s?.lastRejectedAt == null || s.lastRejection === null ? null : { reason: s.lastRejection, iso: isoText(s.lastRejectedAt), utc: utcText(s.lastRejectedAt) },
            },
    };
  });
}
