/**
 * Lambda entry point of the HTTP API: the same hono app the local server runs, behind API
 * Gateway (HTTP API, payload format 2.0). Every route group's function serves this one entry;
 * API Gateway decides which function gets which route, and each function's role allows only
 * what its routes need (infra/aws/api.ts).
 */
import { handle } from 'hono/aws-lambda';
import { createApp } from '../shared/http/app.ts';
import { deps, linkSecret } from './runtime/aws-root.ts';

export const handler = handle(createApp(deps, { linkSecret }));
