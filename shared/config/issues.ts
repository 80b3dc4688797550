/**
 * Schema issues as the lines a person fixing the file reads: `path: what is wrong`, with
 * the path written the way the file nests it (`sla.calendars.new-york.windows.mon[1]`).
 *
 * zod/mini ships no messages (only "Invalid input"), which keeps the Lambda bundle small; the
 * schema gives its own messages for its rules, and the generic cases (wrong type, unknown
 * key, value not in a list) are worded here. Values are not echoed: they may be secrets.
 */
import type * as z from 'zod/mini';

type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(String(key))) text += text === '' ? String(key) : `.${String(key)}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === '' ? '(file)' : text;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = { object: 'a mapping', record: 'a mapping', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false' };

function message(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.message !== '' && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${kindOf(valueAt(input, issue.path))}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return 'invalid value';
  }
}

/** One line per problem, in the file's order; an unknown key is reported at its own path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${formatPath([...issue.path, key])}: ${message(issue, input)}`)
      : [`${formatPath(issue.path)}: ${message(issue, input)}`],
  );
}
