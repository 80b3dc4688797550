import { describe, expect, it } from 'vitest';
import { parseReportEvent } from '../../functions/runtime/report-event.ts';
import { withDefaultBaseUrl } from '../../functions/runtime/embedded-config.ts';
import { parseSecretValues } from '../../functions/runtime/secret-values.ts';
import { parseTimerEvent } from '../../functions/runtime/timer-event.ts';
import { AWS_VARIABLES, readAwsEnvironment } from '../../shared/config/environment.ts';
import { ConfigError, InvalidRequestError } from '../../shared/errors.ts';

const LINK_SECRET = 'linkSecret0123456789abcdefghijklmnopqrstuv';

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the secret a cold start reads', () => {
  it('gives the link-signing secret and every key as a variable for the configuration', () => {
    const values = parseSecretValues(JSON.stringify({ link_signing_secret: LINK_SECRET, AM_SECRET: 'am-secret-0123456789' }), 'arn:secret');
    expect(values).toEqual({ linkSecret: LINK_SECRET, linkKeys: [LINK_SECRET], variables: { link_signing_secret: LINK_SECRET, AM_SECRET: 'am-secret-0123456789' } });
  });

  it('keep the previous link key while it rotates, so links already sent still verify', () => {
    const previous = 'previousLinkSecret0123456789abcdefghij';
    const values = parseSecretValues(JSON.stringify({ link_signing_secret: LINK_SECRET, link_signing_secret_previous: previous }), 'arn:secret');
    expect(values.linkSecret).toBe(LINK_SECRET);
    expect(values.linkKeys).toEqual([LINK_SECRET, previous]);
    const error = thrown(() => parseSecretValues(JSON.stringify({ link_signing_secret: LINK_SECRET, link_signing_secret_previous: 'short-old-key' }), 'arn:secret'));
    expect((error as ConfigError).details).toEqual(['secret arn:secret: key link_signing_secret_previous, when present, must hold at least 32 characters']);
    expect(error.message).not.toContain('short-old-key');
  });

  it('names what is wrong by key and never repeats a value', () => {
    const error = thrown(() => parseSecretValues(JSON.stringify({ link_signing_secret: 'short-secret-value', PORT: 8080 }), 'arn:secret'));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).details).toEqual([
      'secret arn:secret: key "PORT" must hold a string',
      'secret arn:secret: key link_signing_secret must hold at least 32 characters',
    ]);
    expect(error.message).not.toContain('short-secret-value');
    const notJson = thrown(() => parseSecretValues('{"link_signing_secret": "hunter2-hunter2', 'arn:secret'));
    expect(notJson.message).toContain('expected a JSON object of strings');
    expect(notJson.message).not.toContain('hunter2');
  });
});

describe('the embedded configuration', () => {
  it('gets the API URL for its links when the file sets no links.base_url', () => {
    expect(withDefaultBaseUrl({ links: { ttl: '2d' } }, 'https://abc.execute-api.eu-west-1.amazonaws.com')).toEqual({
      links: { ttl: '2d', base_url: 'https://abc.execute-api.eu-west-1.amazonaws.com' },
    });
    expect(withDefaultBaseUrl({}, 'https://api')).toEqual({ links: { base_url: 'https://api' } });
  });

  it('keeps the base URL the file sets', () => {
    const file = { links: { base_url: 'https://sla.example.org' } };
    expect(withDefaultBaseUrl(file, 'https://api')).toBe(file);
  });
});

describe('events', () => {
  it('take a timer payload as Scheduler delivers it', () => {
    const payload = { alertId: 'am-1a2b', kind: 'reminder', generation: 2, dueAt: '2026-03-02T09:05:00.000Z' };
    expect(parseTimerEvent(payload)).toEqual(payload);
  });

  it('take an empty report event as yesterday and {date} as that day', () => {
    expect(parseReportEvent({})).toEqual({});
    expect(parseReportEvent(null)).toEqual({});
    expect(parseReportEvent({ date: '2026-03-01' })).toEqual({ interval: 'daily', label: '2026-03-01' });
    expect(parseReportEvent({ week: '2026-W49' })).toEqual({ interval: 'weekly', label: '2026-W49' });
    expect(parseReportEvent({ month: '2026-12' })).toEqual({ interval: 'monthly', label: '2026-12' });
    expect(parseReportEvent({ interval: 'weekly' })).toEqual({ interval: 'weekly' });
    expect(thrown(() => parseReportEvent({ interval: 'hourly' }))).toBeInstanceOf(InvalidRequestError);
    expect(thrown(() => parseReportEvent({ week: '2026-W49', month: '2026-12' }))).toBeInstanceOf(InvalidRequestError);
    expect(thrown(() => parseReportEvent('2026-03-01'))).toBeInstanceOf(InvalidRequestError);
  });
});

describe('the stack variables', () => {
  it('are read together, every missing one named at once', () => {
    const error = thrown(() => readAwsEnvironment({ [AWS_VARIABLES.tableName]: 'sla-watch-Store', [AWS_VARIABLES.sesFrom]: ' ' }));
    expect(error).toBeInstanceOf(ConfigError);
    const details = (error as ConfigError).details;
    expect(details).toHaveLength(10);
    expect(details).toContain(`environment variable ${AWS_VARIABLES.metricsNamespace} is not set`);
    expect(details).toContain(`environment variable ${AWS_VARIABLES.deliveryQueueUrl} is not set`);
    expect(details).toContain(`environment variable ${AWS_VARIABLES.sesFrom} is not set`);
    expect(details).not.toContain(`environment variable ${AWS_VARIABLES.sesConfigurationSet} is not set`);
  });
});
