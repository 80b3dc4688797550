/**
 * The values of the sharded index keys (table-definition.ts).
 *
 * Partition: `<base>#<shard>`, the shard a hash (FNV-1a, 32 bits) of the alert id or timer
 * name modulo the shard count: the same item always lands in the same shard, and ids (which
 * are themselves hashes) spread evenly. Sort: `<instant, 15 digits>#<id>`: zero-padded, so
 * text order is time order (15 digits last until the year 33658), and ending with the id, so
 * no two items share an index key. Readers bound a range by an instant alone: `instantKey(t)`
 * sorts before every key of instant `t` and after every key of an earlier one.
 */

const INSTANT_DIGITS = 15;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The shard of an item in [0, shards). */
export function shardOf(id: string, shards: number): number {
  let hash = FNV_OFFSET;
  for (const byte of Buffer.from(id, 'utf8')) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash % shards;
}

/** `<base>#<shard>`: a partition key value of a sharded index. */
export function shardKey(base: string, shard: number): string {
  return `${base}#${shard}`;
}

/** Every partition key value of a sharded index, shard 0 first. */
export function allShardKeys(base: string, shards: number): string[] {
  return Array.from({ length: shards }, (_, shard) => shardKey(base, shard));
}

/** The zero-padded instant: the lower bound of every sort key of that instant. */
export function instantKey(at: number): string {
  if (!Number.isSafeInteger(at) || at < 0) throw new RangeError(`an index instant must be a non-negative integer, got ${at}`);
  return String(at).padStart(INSTANT_DIGITS, '0');
}

/** `<instant>#<id>`: a sort key unique per item. */
export function instantIdKey(at: number, id: string): string {
  return `${instantKey(at)}#${id}`;
}

/** The instant and id of a sort key made by `instantIdKey`; null when it is not one. */
export function parseInstantIdKey(key: string): { at: number; id: string } | null {
  const match = /^(\d{15})#(.+)$/.exec(key);
  if (match === null) return null;
  const at = Number(match[1]);
  return Number.isSafeInteger(at) ? { at, id: match[2] as string } : null;
}

/** Checks a shard count given by a caller: a positive integer, at most 256. */
export function assertShardCount(shards: number): void {
  if (!Number.isSafeInteger(shards) || shards < 1 || shards > 256) throw new RangeError(`index shards must be an integer from 1 to 256, got ${shards}`);
}
