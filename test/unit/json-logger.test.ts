import { describe, expect, it } from 'vitest';
import { JsonLogger, REDACTED, isSecretFieldName } from '../../shared/adapters/log/json-logger.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import type { LogLevel } from '../../shared/ports/logger.ts';

const AT = Date.UTC(2026, 2, 2, 9, 0, 0);

function logger(minLevel?: LogLevel) {
  const lines: string[] = [];
  const log = new JsonLogger({ write: (line) => lines.push(line), clock: { now: () => AT }, ...(minLevel ? { minLevel } : {}) });
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, lines, entries };
}

describe('JsonLogger', () => {
  it('writes one JSON line per entry with time, level, message and fields', () => {
    const { log, lines, entries } = logger();
    log.info('response recorded', { alertId: 'a1', status: 201 });
    log.error('timer failed', { kind: 'breach' });
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(entries()).toEqual([
      { time: '2026-03-02T09:00:00.000Z', level: 'info', msg: 'response recorded', alertId: 'a1', status: 201 },
      { time: '2026-03-02T09:00:00.000Z', level: 'error', msg: 'timer failed', kind: 'breach' },
    ]);
  });

  it('redacts credentials quoted inside an error message or stack', () => {
    const { log, lines } = logger();
    const error = new Error('upstream refused Authorization: Bearer abcdef0123456789 for https://hooks.slack.com/services/T0/B0/secretpart');
    log.error('send failed', { error });
    const line = lines[0] as string;
    expect(line).not.toContain('abcdef0123456789');
    expect(line).not.toContain('secretpart');
    expect(line).toContain(REDACTED);
  });

  it('drops entries below the minimum level (info by default)', () => {
    const { log, entries } = logger();
    log.debug('noise');
    log.info('kept');
    expect(entries().map((e) => e['msg'])).toEqual(['kept']);

    const warnOnly = logger('warn');
    warnOnly.log.info('dropped');
    warnOnly.log.warn('w');
    warnOnly.log.error('e');
    expect(warnOnly.entries().map((e) => e['level'])).toEqual(['warn', 'error']);

    const all = logger('debug');
    all.log.debug('d');
    expect(all.entries()).toHaveLength(1);
  });

  it('redacts secret-named fields at any depth, and credential-looking values', () => {
    const { log, lines } = logger();
    log.info('config', {
      secret: 's3cr3t-a',
      integration: { id: 'am', secrets: ['s3cr3t-b'], token: 's3cr3t-c' },
      headers: { authorization: 'Bearer s3cr3t-d', 'x-api-key': 's3cr3t-e' },
      apiKey: 's3cr3t-f',
      password: 's3cr3t-g',
      slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/s3cr3t-h',
      list: [{ linkToken: 's3cr3t-i' }],
      note: 'Bearer s3cr3t-j',
      text: 'posted to https://hooks.slack.com/services/T0/B0/s3cr3t-k',
      routing_key: 's3cr3t-l',
    });
    const line = lines[0] ?? '';
    expect(line).not.toMatch(/s3cr3t/);
    const entry = JSON.parse(line);
    expect(entry.secret).toBe(REDACTED);
    expect(entry.integration).toEqual({ id: 'am', secrets: REDACTED, token: REDACTED });
    expect(entry.list).toEqual([{ linkToken: REDACTED }]);
  });

  it('keeps fields that are not secrets: dedupKey, apiKeyName', () => {
    const { log, entries } = logger();
    log.info('ingested', { dedupKey: 'fp-1@2026', apiKeyName: 'ops-bot', alertId: 'a1', monkey: 'fine' });
    expect(entries()[0]).toMatchObject({ dedupKey: 'fp-1@2026', apiKeyName: 'ops-bot', alertId: 'a1', monkey: 'fine' });
    expect(isSecretFieldName('dedup_key')).toBe(false);
    expect(isSecretFieldName('webhookUrl')).toBe(true);
    expect(isSecretFieldName('SLACK_WEBHOOK_URL')).toBe(true);
    expect(isSecretFieldName('Authorization')).toBe(true);
  });

  it('writes errors with name, message, code and cause instead of {}', () => {
    const { log, entries } = logger();
    const cause = new Error('ECONNREFUSED 127.0.0.1:8000');
    log.error('store failed', { err: new StoreUnavailableError('get failed', cause) });
    const err = entries()[0]?.['err'] as Record<string, unknown>;
    expect(err).toMatchObject({ name: 'StoreUnavailableError', message: 'get failed', code: 'store_unavailable' });
    expect(err['cause']).toMatchObject({ name: 'Error', message: 'ECONNREFUSED 127.0.0.1:8000' });
    expect(typeof err['stack']).toBe('string');
  });

  it('never throws: cycles, BigInt, a field named like the envelope, a failing sink', () => {
    const { log, entries } = logger();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(() => log.info('odd', { cyclic, big: 10n, level: 'fake', time: 'fake', msg: 'fake', at: new Date(AT) })).not.toThrow();
    expect(entries()[0]).toMatchObject({
      level: 'info',
      msg: 'odd',
      time: '2026-03-02T09:00:00.000Z',
      cyclic: { name: 'loop', self: '[circular]' },
      big: '10',
      at: '2026-03-02T09:00:00.000Z',
    });

    const broken = new JsonLogger({ write: () => { throw new Error('EPIPE'); }, clock: { now: () => AT } });
    expect(() => broken.error('lost')).not.toThrow();
  });
});
