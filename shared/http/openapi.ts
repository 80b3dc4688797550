/**
 * The OpenAPI 3.1 description of every route the app serves, served at `GET /openapi.json`.
 * Written by hand as data (no generator in the Lambda bundle) and kept honest by a test that
 * compares it with the routes registered on the app, in both directions.
 */
import { ackPaths } from './openapi/ack-paths.ts';
import { consolePaths } from './openapi/console-paths.ts';
import { alertPaths } from './openapi/alert-paths.ts';
import { intakePaths, intakeSchemas } from './openapi/intake-paths.ts';
import { metricsPaths, metricsSecurityScheme } from './openapi/metrics-paths.ts';
import { reportPaths, reportSchemas } from './openapi/report-paths.ts';
import { errors, json, schemas, securitySchemes, type Json } from './openapi/schemas.ts';

export const OPENAPI_VERSION = '3.1.0';

const metaPaths: Readonly<Record<string, Json>> = {
  '/healthz': {
    get: {
      operationId: 'health',
      summary: 'Liveness: the function or server answers',
      tags: ['meta'],
      security: [],
      responses: {
        '200': { description: 'Up.', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' } } }) },
        ...errors('500'),
      },
    },
  },
  '/openapi.json': {
    get: {
      operationId: 'openapi',
      summary: 'This document',
      tags: ['meta'],
      security: [],
      responses: { '200': { description: 'The OpenAPI 3.1 document.', content: json({ type: 'object' }) }, ...errors('500') },
    },
  },
};

export function openApiDocument(): Json {
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'sla-watch',
      version: '0.1.0',
      summary: 'Hold alert responses to service-level agreements.',
      description:
        'Alerting tools post to the webhooks; each alert gets an acknowledgment and a resolution SLA by priority on a business calendar. ' +
        'Responders acknowledge from signed links in email or through the API; the read API and the daily report show where every SLA stands. ' +
        'Every error body is `{error, message, details}`; a 5xx says nothing internal and carries a `requestId`. Every response carries `x-request-id`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'webhooks', description: 'Intake from alerting tools.' },
      { name: 'acknowledgment links', description: 'Signed links sent in email.' },
      { name: 'alerts', description: 'Responses and reads, with an API key.' },
      { name: 'reports', description: 'The daily SLA report, with an API key.' },
      { name: 'metrics', description: 'SLA figures for Prometheus, with a metrics token.' },
      { name: 'meta', description: 'Health and this document.' },
    ],
    paths: { ...intakePaths, ...ackPaths, ...alertPaths, ...reportPaths, ...metricsPaths, ...metaPaths, ...consolePaths },
    components: {
      schemas: { ...schemas, ...intakeSchemas, ...reportSchemas },
      securitySchemes: { ...securitySchemes, ...metricsSecurityScheme },
    },
  };
}
