/**
 * Reading a request body as the webhook and API routes need it: raw bytes first (a Grafana
 * signature is computed over exactly what was sent), at most MAX_BODY_BYTES (the declared
 * Content-Length is checked before reading, and bytes are counted while reading since a
 * sender may declare none or lie), then decoded as JSON.
 *
 * Answers for a body that can never be valid, each a typed error the HTTP edge maps:
 * 415 for a media type other than JSON (and, where a route allows it, multipart/form-data),
 * 413 over the limit, 400 for bytes that are not UTF-8 JSON, 422 for JSON nested too deep or
 * holding too many values (json-shape.ts, checked before parsing). A request without Content-Type
 * is read as JSON: some senders set none, and the JSON parse still guards what comes in.
 *
 * On Lambda, hono's aws-lambda adapter has already decoded API Gateway's base64 bodies, so
 * the bytes here are the sender's bytes in both runtimes.
 */
import { checkJsonShape } from '../intake/json-shape.ts';
import { InvalidRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface JsonBodyOptions {
  readonly limitBytes?: number;
  /** Also accept `multipart/form-data` whose field of this name holds the JSON (Uptime Kuma). */
  readonly multipartField?: string;
}

export interface JsonBody {
  /** The bytes as received (for signatures). */
  readonly raw: Uint8Array;
  /** The parsed JSON: untrusted, any shape. */
  readonly value: unknown;
}

/** The media type without parameters, lower-cased (`application/json`), or null when absent. */
export function mediaTypeOf(request: Request): string | null {
  const header = request.headers.get('content-type');
  if (header === null || header.trim() === '') return null;
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string | null): boolean {
  return mediaType === null || mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** The body's bytes; PayloadTooLargeError past `limitBytes` (declared or counted). */
export async function readRawBody(request: Request, limitBytes: number = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Decodes UTF-8 JSON text; InvalidRequestError when it is not. */
export function parseJsonBytes(raw: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new InvalidRequestError('body is not valid UTF-8');
  }
  return parseJsonText(text);
}

function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new InvalidRequestError('body is empty: expected JSON');
  checkJsonShape(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidRequestError('body is not valid JSON', [(error as Error).message]);
  }
}

/** Checks the media type, reads at most the limit and parses the JSON (see the module comment). */
export async function readJsonBody(request: Request, options: JsonBodyOptions = {}): Promise<JsonBody> {
  const mediaType = mediaTypeOf(request);
  const multipart = options.multipartField !== undefined && mediaType === 'multipart/form-data';
  if (!multipart && !isJsonMediaType(mediaType)) {
    const accepted = options.multipartField === undefined ? 'application/json' : 'application/json or multipart/form-data';
    throw new UnsupportedMediaTypeError(`expected Content-Type ${accepted}, got ${(mediaType ?? '').slice(0, 100)}`);
  }
  const raw = await readRawBody(request, options.limitBytes ?? MAX_BODY_BYTES);
  if (!multipart) return { raw, value: parseJsonBytes(raw) };
  return { raw, value: await multipartJson(raw, request.headers.get('content-type') ?? '', options.multipartField as string) };
}

async function multipartJson(raw: Uint8Array, contentType: string, field: string): Promise<unknown> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new InvalidRequestError('body is not valid multipart/form-data');
  }
  const entry = form.get(field);
  if (entry === null) throw new InvalidRequestError(`multipart body has no "${field}" field holding the JSON`);
  return parseJsonText(typeof entry === 'string' ? entry : await entry.text());
}
