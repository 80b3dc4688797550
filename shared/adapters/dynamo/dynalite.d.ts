/**
 * Types for dynalite 4 (it ships none): the factory returns a plain Node HTTP(S) server that
 * speaks the DynamoDB protocol; `close` also closes its LevelDB store.
 */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  export interface DynaliteOptions {
    /** LevelDB directory; in memory when absent. */
    path?: string | undefined;
    ssl?: boolean;
    /** Milliseconds a table stays CREATING / DELETING / UPDATING (default 500). */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** Maximum item size in KB (default 400, as DynamoDB). */
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  }

  export default function dynalite(options?: DynaliteOptions): Server;
}
