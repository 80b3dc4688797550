/**
 * Who may post to an integration: whoever presents one of its secrets (two are active during
 * a rotation). Senders differ in what they can send, so the secret is accepted as
 * - `Authorization: Bearer <secret>` (Alertmanager `authorization`, Grafana, scripts),
 * - the password of `Authorization: Basic` with any user name (Alertmanager `basic_auth`,
 *   Grafana's basic auth, Uptime Kuma through `https://user:secret@host/...`),
 * - `?token=<secret>` in the URL, a fallback for senders that can set no header at all. URLs
 *   end up in access logs and proxies, so the header forms are preferred wherever possible.
 *
 * PagerDuty Events v2 senders authenticate with the event's `routing_key`: it must be one of
 * a pagerduty integration's secrets, and on `/v2/enqueue` it alone picks the integration.
 * Every comparison is constant-time (secret-match.ts); no message says which part was wrong.
 */
import type { IntegrationConfig } from '../config/app-config.ts';
import { UnauthorizedError } from '../errors.ts';
import { anySecretMatches, indexOfSecretOwner } from './secret-match.ts';

export interface PresentedCredentials {
  /** The Authorization header, if any. */
  readonly authorization: string | null;
  /** The `token` query parameter, if any. */
  readonly queryToken: string | null;
}

const MISSING = 'missing credentials: send the integration secret as "Authorization: Bearer <secret>"';
const INVALID = 'invalid credentials';

/** The secrets a request presents, from the Authorization header and the `token` parameter. */
export function presentedSecrets(credentials: PresentedCredentials): string[] {
  const found: string[] = [];
  const header = credentials.authorization?.trim() ?? '';
  const space = header.indexOf(' ');
  const scheme = space === -1 ? '' : header.slice(0, space).toLowerCase();
  const value = space === -1 ? '' : header.slice(space + 1).trim();
  if (scheme === 'bearer' && value !== '') found.push(value);
  if (scheme === 'basic' && value !== '') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon !== -1 && colon < decoded.length - 1) found.push(decoded.slice(colon + 1));
  }
  if (credentials.queryToken !== null && credentials.queryToken !== '') found.push(credentials.queryToken);
  return found;
}

/** Throws UnauthorizedError unless the request presents one of the integration's secrets. */
export function authenticate(integration: IntegrationConfig, credentials: PresentedCredentials): void {
  const presented = presentedSecrets(credentials);
  if (presented.length === 0) throw new UnauthorizedError(MISSING);
  if (!anySecretMatches(presented, integration.secrets)) throw new UnauthorizedError(INVALID);
}

/** Throws UnauthorizedError unless `routingKey` is one of this (pagerduty) integration's secrets. */
export function authenticateRoutingKey(integration: IntegrationConfig, routingKey: string | null): void {
  if (routingKey === null || routingKey === '') throw new UnauthorizedError('missing routing_key');
  if (!anySecretMatches([routingKey], integration.secrets)) throw new UnauthorizedError('invalid routing_key');
}

/** The pagerduty integration whose secret is `routingKey`; UnauthorizedError when none. */
export function integrationForRoutingKey(integrations: readonly IntegrationConfig[], routingKey: string | null): IntegrationConfig {
  if (routingKey === null || routingKey === '') throw new UnauthorizedError('missing routing_key');
  const pagerduty = integrations.filter((i) => i.format === 'pagerduty');
  const found = pagerduty[indexOfSecretOwner(routingKey, pagerduty.map((i) => i.secrets))];
  if (found === undefined) throw new UnauthorizedError('invalid routing_key');
  return found;
}
