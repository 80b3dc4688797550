import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { ConfigError } from '../../shared/errors.ts';

function problems(raw: unknown, env: Record<string, string | undefined> = {}): readonly string[] {
  try {
    parseConfig(raw, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).details;
  }
  throw new Error('expected the configuration to be refused');
}

describe('metrics_tokens', () => {
  it('reads tokens written in the file or named by a variable; none by default', () => {
    expect(parseConfig({}, {}).metricsTokens).toEqual([]);
    const config = parseConfig(
      { metrics_tokens: [{ name: 'prometheus', token_env: 'PROM_TOKEN' }, { name: 'grafana-agent', token: 'agent-token-0123456789' }] },
      { PROM_TOKEN: 'prom-token-from-env-0123' },
    );
    expect(config.metricsTokens).toEqual([
      { name: 'prometheus', token: 'prom-token-from-env-0123' },
      { name: 'grafana-agent', token: 'agent-token-0123456789' },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a short token', { metrics_tokens: [{ name: 'p', token: 'short' }] }, 'metrics_tokens[0].token: must be at least 16 characters'],
    ['both forms', { metrics_tokens: [{ name: 'p', token: '0123456789abcdef', token_env: 'SET' }] }, 'metrics_tokens[0]: give exactly one of token or token_env'],
    ['neither form', { metrics_tokens: [{ name: 'p' }] }, 'metrics_tokens[0]: give exactly one of token or token_env'],
    ['an unset variable', { metrics_tokens: [{ name: 'p', token_env: 'NOT_SET' }] }, 'metrics_tokens[0].token_env: environment variable NOT_SET is not set'],
    ['a duplicate name', { metrics_tokens: [{ name: 'p', token: '0123456789abcdef' }, { name: 'p', token: '0123456789abcdeg' }] }, 'metrics_tokens[1].name: duplicate metrics token name "p"'],
    ['a name with a space', { metrics_tokens: [{ name: 'my prom', token: '0123456789abcdef' }] }, 'metrics_tokens[0].name: expected 1 to 64 visible characters, no spaces'],
  ])('refuses %s, naming its path', (_what, raw, expected) => {
    const details = problems(raw, { SET: 'set-token-0123456789' });
    expect(details).toContain(expected);
    expect(details.join('\n')).not.toContain('short');
  });
});
