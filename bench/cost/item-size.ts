/**
 * The size of a DynamoDB item by DynamoDB's own rules, and the request units a size costs.
 * dynalite reports the table's units but not the indexes', so the index units are computed
 * from these sizes (dynamo-meter.ts); a test checks that this size gives the same table units
 * dynalite reports.
 *
 * Rules (DynamoDB Developer Guide, "Item sizes and formats"): an item's size is the sum, over
 * its attributes, of the attribute name's UTF-8 bytes plus the value's size. String: its UTF-8
 * bytes. Number: 1 byte per two significant digits, plus 1 (leading and trailing zeros do not
 * count). Binary: its bytes. Null and Boolean: 1. List and Map: 3 bytes plus, per element, 1
 * byte plus the element's size (a Map's element also counts its key's bytes). Sets: the sum of
 * their elements. A write costs one unit per started 1 KB (at least 1); a strongly consistent
 * read one unit per started 4 KB, an eventually consistent one half that.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

function numberSize(text: string): number {
  const digits = text.replace(/^[+-]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

export function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, element) => sum + 1 + valueSize(element), 0);
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [key, element]) => sum + 1 + utf8(key) + valueSize(element), 0);
  throw new TypeError(`attribute value of unknown type: ${Object.keys(value).join(', ')}`);
}

export function itemSize(item: Item): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

/** Write request units of writing `bytes` (an item or an index entry). */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

/** Read request units of reading `bytes` in one request (a GetItem, or a Query's whole page). */
export function readUnits(bytes: number, consistent: boolean): number {
  const units = Math.max(1, Math.ceil(bytes / 4096));
  return consistent ? units : units / 2;
}
