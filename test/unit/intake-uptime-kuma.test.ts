import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { parseUptimeKuma } from '../../shared/intake/formats/uptime-kuma.ts';
import { kumaNotice, kumaTest } from '../support/payload-fixtures.ts';

describe('Uptime Kuma webhook', () => {
  it('turns a down heartbeat into a trigger keyed by the monitor id, started at the UTC heartbeat time', () => {
    expect(parseUptimeKuma(kumaNotice({ status: 0 }))).toEqual([
      {
        action: 'trigger',
        dedupKey: '29',
        reopenAfterResolve: true,
        title: 'Checkout API is down',
        description: 'getaddrinfo ENOTFOUND checkout.example.com',
        sourceName: 'Checkout API',
        severity: null,
        priority: null,
        labels: { monitor: 'Checkout API', type: 'http' },
        annotations: {},
        links: [{ href: 'https://checkout.example.com/health', text: 'Monitored URL' }],
        sourceStartedAt: Date.UTC(2026, 2, 2, 8, 59, 35, 527),
        by: 'uptime-kuma',
      },
    ]);
  });

  it('turns an up heartbeat into a resolve of the same monitor', () => {
    expect(parseUptimeKuma(kumaNotice({ status: 1 }))[0]).toMatchObject({ action: 'resolve', dedupKey: '29', by: 'uptime-kuma' });
  });

  it('ignores pending and maintenance heartbeats, and the Test button', () => {
    expect(parseUptimeKuma(kumaNotice({ status: 2 }))).toEqual([]);
    expect(parseUptimeKuma(kumaNotice({ status: 3 }))).toEqual([]);
    expect(parseUptimeKuma(kumaTest())).toEqual([]);
  });

  it('takes the severity from a monitor tag and every tag as a label', () => {
    const [event] = parseUptimeKuma(kumaNotice({ tags: [{ name: 'Severity', value: 'critical' }, { name: 'team', value: 'payments' }] }));
    expect(event?.severity).toBe('critical');
    expect(event?.labels).toMatchObject({ Severity: 'critical', team: 'payments' });
  });

  it('reads a heartbeat without its time or message, and a monitor without a name', () => {
    const notice = kumaNotice();
    const heartbeat = { ...(notice['heartbeat'] as object), time: undefined, msg: undefined };
    const monitor = { ...(notice['monitor'] as object), name: undefined, tags: undefined };
    const [event] = parseUptimeKuma({ ...notice, heartbeat, monitor, msg: 'Checkout API is unreachable' });
    expect(event).toMatchObject({ title: 'monitor 29 is down', sourceName: 'monitor 29', description: 'Checkout API is unreachable', sourceStartedAt: null });
  });

  it('names each mistyped heartbeat or monitor field by its path', () => {
    const notice = kumaNotice();
    const heartbeat = { ...(notice['heartbeat'] as object), time: 5 };
    const monitor = { ...(notice['monitor'] as object), id: 'a\u0000b', name: {} };
    expect(() => parseUptimeKuma({ ...notice, heartbeat, monitor })).toThrow(
      expect.objectContaining({
        message: 'invalid Uptime Kuma webhook body',
        details: ['heartbeat.time: must be a string', 'monitor.id: must be text without control characters or lone surrogates', 'monitor.name: must be a string'],
      }),
    );
    expect(() => parseUptimeKuma({ ...notice, monitor: null })).toThrow(expect.objectContaining({ details: ['monitor: required'] }));
    expect(() => parseUptimeKuma({ ...notice, monitor: undefined })).toThrow(expect.objectContaining({ details: ['monitor: required'] }));
    expect(() => parseUptimeKuma({ ...notice, monitor: 5 })).toThrow(expect.objectContaining({ details: ['monitor: must be an object'] }));
  });

  it('labels a monitor without a type by its name alone, and takes no severity from other tags', () => {
    const notice = kumaNotice({ tags: [{ name: 'undefined', value: 'x' }] });
    const monitor = { ...(notice['monitor'] as object), type: undefined };
    expect(parseUptimeKuma({ ...notice, monitor })[0]).toMatchObject({ severity: null, labels: { monitor: 'Checkout API', undefined: 'x' } });
    expect(Object.keys(parseUptimeKuma({ ...notice, monitor })[0]?.labels ?? {})).toEqual(['monitor', 'undefined']);
  });

  it('makes labels of named tags only, a tag without a text value an empty label', () => {
    // What a sender might put in tags, typed loosely on purpose.
    const tags = [null, 'team', { name: 5, value: 'v' }, { name: '', value: 'v' }, { name: 'team', value: 'payments' }, { name: 'env' }, { name: 'tier', value: 1 }] as unknown as { name: string; value: string }[];
    expect(parseUptimeKuma(kumaNotice({ tags }))[0]?.labels).toEqual({ monitor: 'Checkout API', type: 'http', team: 'payments', env: '', tier: '' });
  });

  it('reads a blank or mistyped message or type as none', () => {
    const notice = kumaNotice();
    const heartbeat = { ...(notice['heartbeat'] as object), msg: '   ' };
    const monitor = { ...(notice['monitor'] as object), type: 5 };
    const [event] = parseUptimeKuma({ ...notice, heartbeat, monitor });
    expect(event?.description).toBe(notice['msg']);
    expect(event?.labels).toEqual({ monitor: 'Checkout API' });
  });

  it('takes the severity from a tag named priority too', () => {
    expect(parseUptimeKuma(kumaNotice({ tags: [{ name: 'priority', value: 'high' }] }))[0]?.severity).toBe('high');
  });

  it('lists every problem of a broken heartbeat', () => {
    const broken = { heartbeat: { status: 7, time: '24/09/2024' }, monitor: { name: 'x' }, msg: '' };
    expect(() => parseUptimeKuma(broken)).toThrow(UnprocessableError);
    try {
      parseUptimeKuma(broken);
    } catch (error) {
      expect((error as UnprocessableError).details).toEqual([
        'heartbeat.status: required: 0 (down), 1 (up), 2 (pending) or 3 (maintenance)',
        'heartbeat.time: must be a UTC time such as 2024-09-24 23:51:35.527',
        'monitor.id: required',
      ]);
    }
  });

  it.each([
    ['an empty object', {}, ['heartbeat: required: an object, or null (as the Test button sends)', 'monitor: required: an object, or null (as the Test button sends)', 'msg: required: a string']],
    ['another tool\'s body', { foo: 1 }, ['heartbeat: required: an object, or null (as the Test button sends)', 'monitor: required: an object, or null (as the Test button sends)', 'msg: required: a string']],
    ['a notice without its message', { heartbeat: null, monitor: null }, ['msg: required: a string']],
    ['no body at all', null, ['body: required']],
    ['a heartbeat that is not an object', { heartbeat: 5, monitor: null, msg: 'x' }, ['heartbeat: must be an object']],
  ])('refuses %s, naming what Kuma always sends', (_, body, details) => {
    const error = (() => {
      try {
        parseUptimeKuma(body);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error).toMatchObject({ message: 'invalid Uptime Kuma webhook body', details });
  });
});
