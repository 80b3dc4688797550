/**
 * The name of the one table the local stack keeps in dynalite, per table shape: a shape whose
 * index keys changed lives under a new name, and a start copies the items of the older table
 * over (shared/adapters/dynamo/table-migration.ts).
 */
import { TABLE_SHAPE } from '../../shared/store/table-definition.ts';

export const LOCAL_TABLE_NAME = `sla-watch-v${TABLE_SHAPE}`;

/** Tables of earlier shapes, newest first: shape 4 (a day index of keys only) was
 * `sla-watch-v4`, shape 3 (an open index of keys only)
 * `sla-watch-v3`, shape 2 (sharded indexes, no outbox index)
 * `sla-watch-v2`, shape 1 (unsharded indexes) `sla-watch`. */
export const OLDER_LOCAL_TABLE_NAMES: readonly string[] = ['sla-watch-v4', 'sla-watch-v3', 'sla-watch-v2', 'sla-watch'];
