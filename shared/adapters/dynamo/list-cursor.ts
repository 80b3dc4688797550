/**
 * The opaque cursor of `GET /alerts`: base64url of the JSON of the `by-created` index key at
 * which the next page starts (the table key plus the index key of the last alert returned).
 * A cursor is checked before it reaches DynamoDB, so a mangled one is the client's mistake
 * (400), not a store failure.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { invalidCursor } from '../../store/write-rules.ts';
import { ALERT_LIST_PK } from '../../store/table-definition.ts';

export type ListKey = Record<string, AttributeValue>;

export function encodeListCursor(key: ListKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The start key a cursor stands for; throws InvalidRequestError when no store made it. */
export function decodeListCursor(cursor: string): ListKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { pk, listPk, createdAt, ...rest } = parsed as Record<string, { S?: unknown; N?: unknown } | undefined>;
  const valid =
    Object.keys(rest).length === 0 &&
    typeof pk?.S === 'string' &&
    pk.S.startsWith('ALERT#') &&
    listPk?.S === ALERT_LIST_PK &&
    typeof createdAt?.N === 'string' &&
    /^\d{1,16}$/.test(createdAt.N);
  if (!valid) throw invalidCursor();
  return { pk: { S: pk.S as string }, listPk: { S: ALERT_LIST_PK }, createdAt: { N: createdAt.N as string } };
}

/** The key of an alert item in the `by-created` index, for a cursor that resumes after it. */
export function listKeyOf(item: Record<string, AttributeValue>): ListKey {
  const { pk, listPk, createdAt } = item;
  if (pk === undefined || listPk === undefined || createdAt === undefined) throw new TypeError('item lacks its by-created key');
  return { pk, listPk, createdAt };
}
