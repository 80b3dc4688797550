import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app.ts';
import { testDeps } from '../support/test-deps.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown>; security?: Record<string, unknown>[]; parameters?: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

async function servedDocument() {
  const app = createApp(testDeps().deps, { linkSecret: 'openapi-test-link-secret-0123456789' });
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { app, doc: (await res.json()) as Doc };
}

/** `/alerts/:id/responses` -> `/alerts/{id}/responses` */
function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
}

function registeredOperations(app: Awaited<ReturnType<typeof servedDocument>>['app']): Set<string> {
  // Middleware is registered with method ALL; endpoints carry their method.
  return new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
}

function documentedOperations(doc: Doc): Set<string> {
  return new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((k) => METHODS.includes(k)).map((m) => `${m} ${path}`)));
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document', async () => {
    const { doc } = await servedDocument();
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('documents every route the app registers, with its method', async () => {
    const { app, doc } = await servedDocument();
    const documented = documentedOperations(doc);
    const missing = [...registeredOperations(app)].filter((op) => !documented.has(op));
    expect(missing).toEqual([]);
  });

  it('documents no route the app does not serve', async () => {
    const { app, doc } = await servedDocument();
    const registered = registeredOperations(app);
    const extra = [...documentedOperations(doc)].filter((op) => !registered.has(op));
    expect(extra).toEqual([]);
  });

  it('covers the whole surface: webhooks, PagerDuty enqueue, ack links, alerts, reports, health', async () => {
    const { doc } = await servedDocument();
    const ops = documentedOperations(doc);
    for (const op of [
      'post /webhooks/{integration}',
      'post /v2/enqueue',
      'get /ack/{token}',
      'post /ack/{token}',
      'post /alerts/{id}/responses',
      'get /alerts/{id}',
      'get /alerts',
      'get /reports/daily',
      'get /reports/daily/{date}',
      'get /openapi.json',
      'get /healthz',
    ]) {
      expect(ops, op).toContain(op);
    }
  });

  it('gives every operation a unique id, status codes, declared path parameters and known security schemes', async () => {
    const { doc } = await servedDocument();
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item).filter(([k]) => METHODS.includes(k))) {
        const where = `${method} ${path}`;
        expect(op.operationId, where).toBeTypeOf('string');
        expect(ids.has(op.operationId as string), `${where} duplicate operationId`).toBe(false);
        ids.add(op.operationId as string);
        expect(Object.keys(op.responses ?? {}).length, where).toBeGreaterThan(0);
        for (const code of Object.keys(op.responses ?? {})) expect(code, where).toMatch(/^[1-5][0-9]{2}$/);
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), where).toEqual([...pathParams].sort());
        for (const requirement of op.security ?? []) {
          for (const scheme of Object.keys(requirement)) expect(Object.keys(doc.components.securitySchemes), where).toContain(scheme);
        }
      }
    }
  });

  it('declares bearer API keys, webhook bearer and basic, and flags the query token as a fallback', async () => {
    const { doc } = await servedDocument();
    const schemes = doc.components.securitySchemes as Record<string, { type: string; scheme?: string; in?: string; name?: string; description?: string }>;
    expect(schemes['apiKey']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes['webhookBearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes['webhookBasic']).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(schemes['webhookQueryToken']).toMatchObject({ type: 'apiKey', in: 'query', name: 'token' });
    expect(schemes['webhookQueryToken']?.description).toMatch(/fallback/i);
    expect(doc.paths['/alerts']?.['get']?.security).toEqual([{ apiKey: [] }]);
  });

  it('has no dangling $ref', async () => {
    const { doc } = await servedDocument();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((name) => !(name in doc.components.schemas))).toEqual([]);
  });
});
