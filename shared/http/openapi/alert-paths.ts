/** OpenAPI paths of the response and read API (alert-routes.ts). */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../alert-routes.ts';
import { errors, json, ref, type Json } from './schemas.ts';

const apiKey = [{ apiKey: [] }];
const alertIdParameter: Json = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^a[a-z2-7]{20}$' } };
const requestIdHeader: Json = { 'x-request-id': { schema: { type: 'string' }, description: 'The request id (the caller\'s, when it sent a plain one).' } };

export const alertPaths: Readonly<Record<string, Json>> = {
  '/alerts': {
    get: {
      operationId: 'listAlerts',
      summary: 'List alerts, newest first',
      tags: ['alerts'],
      security: apiKey,
      parameters: [
        { name: 'status', in: 'query', schema: ref('AlertStatus') },
        { name: 'priority', in: 'query', schema: ref('Priority') },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'The `nextCursor` of the previous page.' },
      ],
      responses: {
        '200': { description: 'One page of alerts.', headers: requestIdHeader, content: json(ref('AlertPage')) },
        ...errors('400', '401', '503', '500'),
      },
    },
  },
  '/alerts/{id}': {
    get: {
      operationId: 'getAlert',
      summary: 'One alert, its responses and where its SLA clocks stand now',
      tags: ['alerts'],
      security: apiKey,
      parameters: [alertIdParameter],
      responses: {
        '200': { description: 'The alert.', headers: requestIdHeader, content: json(ref('Alert')) },
        ...errors('401', '404', '503', '500'),
      },
    },
  },
  '/alerts/{id}/responses': {
    post: {
      operationId: 'recordResponse',
      summary: 'Record an acknowledgment, update, resolution or escalation',
      description:
        'The first acknowledgment stops the acknowledgment clock; a resolution stops the resolution clock (and the acknowledgment clock, if nobody acknowledged). Nothing is accepted after the resolution.',
      tags: ['alerts'],
      security: apiKey,
      parameters: [alertIdParameter],
      requestBody: { required: true, content: json(ref('ResponseRequest')) },
      responses: {
        '201': {
          description: 'Recorded.',
          headers: { Location: { schema: { type: 'string' }, description: '`/alerts/{id}`' }, ...requestIdHeader },
          content: json({ type: 'object', required: ['response', 'alert'], properties: { response: ref('Response'), alert: ref('Alert') } }),
        },
        ...errors('400', '401', '404', '409', '413', '415', '422', '503', '500'),
      },
    },
  },
};
