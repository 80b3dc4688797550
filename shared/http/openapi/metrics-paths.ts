/** OpenAPI path of the Prometheus metrics (metrics-routes.ts). */
import { METRIC } from '../../metrics/metric-names.ts';
import { errors, type Json } from './schemas.ts';

export const metricsSecurityScheme: Readonly<Record<string, Json>> = {
  metricsToken: { type: 'http', scheme: 'bearer', description: 'A token from `metrics_tokens` in the configuration: `Authorization: Bearer <token>`. API keys are not accepted.' },
};

export const metricsPaths: Readonly<Record<string, Json>> = {
  '/metrics': {
    get: {
      operationId: 'getMetrics',
      summary: 'SLA figures in the Prometheus text format',
      description:
        'Computed from the store at scrape time and cached for 15 s. Open alerts by priority and status, running SLA clocks by state, ' +
        "today's alerts opened, SLA outcomes and breach budget (the daily report's local day), response-time histograms, and the oldest due timer's lateness. " +
        `Metrics: ${Object.values(METRIC).join(', ')}.`,
      tags: ['metrics'],
      security: [{ metricsToken: [] }],
      responses: {
        '200': {
          description: 'The Prometheus text exposition format 0.0.4.',
          headers: { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } },
          content: { 'text/plain; version=0.0.4; charset=utf-8': { schema: { type: 'string' } } },
        },
        ...errors('401', '500', '503'),
      },
    },
  },
};
