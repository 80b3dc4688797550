/**
 * Free-form objects a sender attaches (PagerDuty `custom_details`) kept as bounded text: each
 * top-level entry becomes one annotation, a string as it is and anything else as compact
 * JSON-like text. The walk is bounded by depth (DETAILS_DEPTH; deeper parts show as `…`) and by
 * the text written: it stops once past `maxChars` (not at it, so the caller's clip to `maxChars`
 * always marks a cut value with `…`), so no value costs more than its budget.
 */
import { isJsonObject } from './body-reader.ts';

export const DETAILS_DEPTH = 8;

class Budget {
  text = '';
  constructor(private readonly maxChars: number) {}
  get spent(): boolean {
    return this.text.length > this.maxChars;
  }
  write(part: string): void {
    if (!this.spent) this.text += part;
  }
}

function walk(value: unknown, depth: number, out: Budget): void {
  if (out.spent) return;
  if (Array.isArray(value) || isJsonObject(value)) {
    if (depth >= DETAILS_DEPTH) return out.write('…');
    const isArray = Array.isArray(value);
    out.write(isArray ? '[' : '{');
    let first = true;
    for (const key in value) {
      if (out.spent) return;
      if (!first) out.write(',');
      first = false;
      if (!isArray) out.write(`${JSON.stringify(key)}:`);
      walk((value as Record<string, unknown>)[key], depth + 1, out);
    }
    return out.write(isArray ? ']' : '}');
  }
  out.write(typeof value === 'string' ? JSON.stringify(value) : String(value));
}

/** `value` as compact text of at most about `maxChars` characters (the caller clips exactly). */
export function flatText(value: unknown, maxChars: number): string {
  if (typeof value === 'string') return value;
  const out = new Budget(maxChars);
  walk(value, 0, out);
  return out.text;
}

/** Top-level entries of a free-form object, at most `maxEntries`, each as bounded text. */
export function flatDetails(details: unknown, maxEntries: number, maxChars: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isJsonObject(details)) return out;
  let count = 0;
  for (const key in details) {
    const value = details[key];
    if (value === undefined) continue;
    if (count === maxEntries) break;
    out[key] = flatText(value, maxChars);
    count += 1;
  }
  return out;
}
