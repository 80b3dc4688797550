import { describe, expect, it } from 'vitest';
import type { IntegrationConfig } from '../../shared/config/app-config.ts';
import { UnauthorizedError } from '../../shared/errors.ts';
import { authenticate, authenticateRoutingKey, integrationForRoutingKey, presentedSecrets } from '../../shared/intake/authenticate.ts';
import { anySecretMatches, indexOfSecretOwner } from '../../shared/intake/secret-match.ts';
import { testConfig, TEST_SECRETS } from '../support/config-fixtures.ts';

const OLD = 'oldSecret0123456789abcdefghijklm';
const NEW = 'newSecret0123456789abcdefghijklm';
const config = testConfig({
  integrations: [
    { id: 'am', format: 'alertmanager', secrets: [OLD, NEW] },
    { id: 'pd', format: 'pagerduty', secrets: [TEST_SECRETS.pd] },
    { id: 'pd2', format: 'pagerduty', secrets: ['pdSecondKey0123456789abcdefghijk'] },
    { id: 'generic', format: 'generic', secrets: [TEST_SECRETS.generic] },
  ],
});
const byId = (id: string) => config.integrations.find((i) => i.id === id) as IntegrationConfig;
const am = byId('am');

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const creds = (authorization: string | null, queryToken: string | null = null) => ({ authorization, queryToken });

describe('webhook authentication', () => {
  it('accepts the secret as a bearer token, as a Basic password with any user, or as ?token=', () => {
    expect(() => authenticate(am, creds(`Bearer ${OLD}`))).not.toThrow();
    expect(() => authenticate(am, creds(`bearer ${OLD}`))).not.toThrow();
    expect(() => authenticate(am, creds(basic('alertmanager', OLD)))).not.toThrow();
    expect(() => authenticate(am, creds(basic('', OLD)))).not.toThrow();
    expect(() => authenticate(am, creds(null, OLD))).not.toThrow();
  });

  it('accepts the second secret during a rotation', () => {
    expect(() => authenticate(am, creds(`Bearer ${NEW}`))).not.toThrow();
  });

  it('refuses a wrong, partial or missing secret', () => {
    expect(() => authenticate(am, creds(`Bearer ${TEST_SECRETS.generic}`))).toThrow(new UnauthorizedError('invalid credentials'));
    expect(() => authenticate(am, creds(`Bearer ${OLD.slice(0, -1)}`))).toThrow(UnauthorizedError);
    expect(() => authenticate(am, creds(basic(OLD, 'x')))).toThrow(UnauthorizedError);
    expect(() => authenticate(am, creds(null))).toThrow(/missing credentials/);
    expect(() => authenticate(am, creds('Bearer '))).toThrow(/missing credentials/);
    expect(() => authenticate(am, creds(`Token ${OLD}`))).toThrow(/missing credentials/);
  });

  it('reads a header with stray spaces the way it was meant', () => {
    expect(() => authenticate(am, creds(`  Bearer   ${OLD}  `))).not.toThrow();
  });

  it('presents nothing for a credential that is empty or in an unknown scheme, and says it is missing', () => {
    const missing = new UnauthorizedError('missing credentials: send the integration secret as "Authorization: Bearer <secret>"');
    // A Basic-encoded secret under another scheme name is not a Basic password.
    expect(() => authenticate(am, creds(`Digest ${Buffer.from(`u:${OLD}`).toString('base64')}`))).toThrow(missing);
    // Basic without a colon has no password; "user:" has an empty one.
    expect(() => authenticate(am, creds(`Basic ${Buffer.from(OLD).toString('base64')}`))).toThrow(missing);
    expect(() => authenticate(am, creds(basic('dana', '')))).toThrow(missing);
    expect(() => authenticate(am, creds(null, ''))).toThrow(missing);
  });

  it('never names the secret in what it presents or refuses', () => {
    expect(presentedSecrets(creds(basic('u', 'p:w'), 't'))).toEqual(['p:w', 't']);
    try {
      authenticate(am, creds(`Bearer ${TEST_SECRETS.generic}`));
    } catch (error) {
      expect((error as Error).message).not.toContain(TEST_SECRETS.generic);
    }
  });

  it('picks the PagerDuty integration by routing key, only among pagerduty integrations', () => {
    expect(integrationForRoutingKey(config.integrations, TEST_SECRETS.pd).id).toBe('pd');
    expect(integrationForRoutingKey(config.integrations, 'pdSecondKey0123456789abcdefghijk').id).toBe('pd2');
    expect(() => integrationForRoutingKey(config.integrations, TEST_SECRETS.generic)).toThrow(UnauthorizedError);
    expect(() => integrationForRoutingKey(config.integrations, null)).toThrow(/missing routing_key/);
  });

  it('never matches an empty secret, and names the first integration holding a key', () => {
    expect(anySecretMatches([''], [''])).toBe(false);
    expect(indexOfSecretOwner(OLD, [[NEW], [OLD], [OLD]])).toBe(1);
  });

  it("checks a routing key against one pagerduty integration's secrets", () => {
    expect(() => authenticateRoutingKey(byId('pd'), TEST_SECRETS.pd)).not.toThrow();
    expect(() => authenticateRoutingKey(byId('pd'), 'pdSecondKey0123456789abcdefghijk')).toThrow(new UnauthorizedError('invalid routing_key'));
  });

  it('says a routing key is missing when it is absent or empty, and invalid when it matches nothing', () => {
    for (const key of [null, '']) {
      expect(() => authenticateRoutingKey(byId('pd'), key)).toThrow(new UnauthorizedError('missing routing_key'));
      expect(() => integrationForRoutingKey(config.integrations, key)).toThrow(new UnauthorizedError('missing routing_key'));
    }
    expect(() => integrationForRoutingKey(config.integrations, TEST_SECRETS.generic)).toThrow(new UnauthorizedError('invalid routing_key'));
  });
});
