/**
 * fast-check arbitraries for what a careless or hostile sender puts in a body: strings with
 * lone surrogates, NUL and other controls, bidi overrides, line separators and markup; numbers
 * at and past the edges of doubles; wrong types; and nesting near and far past the depth limit.
 */
import fc from 'fast-check';

const NASTY = ['\ud800', '\udfff', '\udc00\ud800', '\u0000', '\u0007', '\u001b[31m', '\u202e', '\r\n', '\u2028', '\ufeff', '<script>x</script>', '"', '\\', '%00', '${x}', '\u0085'];

export const hostileString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, 5e-324, -0, 8.64e15 + 1),
  fc.integer(),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));

/** Any JSON value built of hostile leaves, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** `value` wrapped `depth` levels deep in objects or arrays. */
export function nested(depth: number, asArray: boolean, value: unknown = 1): unknown {
  let out = value;
  for (let i = 0; i < depth; i += 1) out = asArray ? [out] : { d: out };
  return out;
}

/** Nesting just under, at and past the limit, and far past it (as text: JSON.stringify would recurse). */
export const deepText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(10, 62, 63, 64, 65, 1000, 20_000), fc.boolean())
  .map(([depth, asArray]) => (asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"d":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** Every path (as keys) to a value inside a plain JSON object, containers included. */
export function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A deep copy of `body` with the value at `path` replaced. */
export function replaceAt(body: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = replacement;
  return copy;
}
