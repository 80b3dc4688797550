/**
 * The id of an alert, derived from what identifies it at the source: the integration, the
 * source's dedup key and the occurrence number. Deriving it (instead of drawing a random one)
 * makes concurrent deliveries of one alert compute the same id, so exactly one conditional
 * create wins and the others see AlreadyExists.
 *
 * The id is `a` followed by 20 characters of lowercase base32 (RFC 4648 alphabet, no padding)
 * of the SHA-256 of the three parts: 100 bits, short, URL-safe and free of `.`, so it can sit
 * inside a timer name and a URL path. Pure computation: hashing reads no clock and does no I/O.
 */
import { createHash } from 'node:crypto';

const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_CHARS = 20;

/** `a` + 20 lowercase base32 characters; deterministic for one (integration, dedup key, occurrence). */
export function alertId(integrationId: string, dedupKey: string, occurrence: number): string {
  if (!Number.isSafeInteger(occurrence) || occurrence < 1) {
    throw new RangeError(`occurrence must be a positive integer, got ${occurrence}`);
  }
  // JSON keeps the parts apart: ("a:b", "c") and ("a", "b:c") hash differently.
  const digest = createHash('sha256').update(JSON.stringify([integrationId, dedupKey, occurrence])).digest();
  return `a${base32(digest, ID_CHARS)}`;
}

/** The shape every alert id has; other modules use it to validate ids from URLs. */
export const ALERT_ID_PATTERN = /^a[a-z2-7]{20}$/;

export function isAlertId(value: string): boolean {
  return ALERT_ID_PATTERN.test(value);
}

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === chars) break;
  }
  return out;
}
