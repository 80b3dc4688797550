/**
 * A console session against the app in memory: sign in through the real form (the form token
 * read from the page), keep the cookie, read the CSRF token from pages, send forms as a
 * browser would (same-origin headers).
 */
import type { Hono } from 'hono';
import type { LinkKeys } from '../../shared/domain/links/link-token.ts';
import { createApp } from '../../shared/http/app.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { testDeps, type TestDepsOptions } from '../support/test-deps.ts';

export const CONSOLE_LINK_SECRET = 'console-test-link-secret-0123456789';
export const ORIGIN = 'http://localhost';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHono = Hono<any, any, any>;

export function hiddenValue(html: string, name: string): string | null {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match?.[1] ?? null;
}

export class Browser {
  cookie: string | null = null;
  constructor(readonly app: AnyHono) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.app.request(path, { headers: { accept: 'text/html', ...(this.cookie === null ? {} : { cookie: this.cookie }), ...headers } });
  }

  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
        ...(this.cookie === null ? {} : { cookie: this.cookie }),
        ...headers,
      },
    });
    const set = res.headers.get('set-cookie');
    if (set !== null) this.cookie = set.split(';')[0] ?? null;
    return res;
  }

  async signIn(name = 'Dana Ops', secret: string = TEST_SECRETS.apiKey): Promise<Response> {
    const form = await (await this.get('/sign-in')).text();
    return this.post('/sign-in', { csrf: hiddenValue(form, 'csrf') ?? '', next: '/', name, secret });
  }

  async csrf(path = '/'): Promise<string> {
    return hiddenValue(await (await this.get(path)).text(), 'csrf') ?? '';
  }
}

/** The app with every route group; `linkKeys` the current link key first, as while it rotates. */
export function consoleApp(options: TestDepsOptions = {}, linkKeys: LinkKeys = CONSOLE_LINK_SECRET) {
  const t = testDeps(options);
  const app = createApp(t.deps, { linkSecret: linkKeys });
  return { ...t, app, browser: () => new Browser(app) };
}
