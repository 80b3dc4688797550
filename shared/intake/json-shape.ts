/**
 * Limits on the shape of a JSON body, checked over its text before it is parsed. A body under
 * the byte limit can still nest 500,000 levels deep or hold half a million tiny values: the
 * parser copes, but every later walk over it (copying, stringifying custom details, logging)
 * would recurse once per level or allocate once per value. So a body deeper than
 * MAX_JSON_DEPTH or with more than MAX_JSON_VALUES values is refused before anything walks
 * it, and every format shares the same limits since every JSON body is read through here.
 *
 * The scan is one pass over the characters, aware of strings and escapes; it counts a value
 * for each container and each `,`, which is the number of values (object members and array
 * items) to within one per container.
 */
import { UnprocessableError } from '../errors.ts';

/** Levels of objects and arrays; the formats we read need fewer than ten. */
export const MAX_JSON_DEPTH = 64;
/** A 1,000-alert Alertmanager group with twenty labels each holds about 30,000. */
export const MAX_JSON_VALUES = 100_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** Throws UnprocessableError naming the limit when `text` nests too deep or holds too many values. */
export function checkJsonShape(text: string): void {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      values += 1;
      if (depth > MAX_JSON_DEPTH) {
        throw new UnprocessableError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, [`body: objects and arrays may nest at most ${MAX_JSON_DEPTH} levels deep`]);
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth -= 1;
    else if (code === COMMA) values += 1;
    if (values > MAX_JSON_VALUES) {
      throw new UnprocessableError(`JSON holds more than ${MAX_JSON_VALUES} values`, [`body: at most ${MAX_JSON_VALUES} values (object members and array items) in one body`]);
    }
  }
}
