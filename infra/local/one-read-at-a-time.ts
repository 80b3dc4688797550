/**
 * The report worker's view of the store: its day-index pages are fetched one at a time, however
 * many slices the report reads at once. Locally one dynalite thread serves both intake and the
 * report; four report queries queued at once would make an intake write wait behind all four,
 * where one at a time it waits behind at most one. On AWS DynamoDB serves them in parallel and
 * the report reads with the use case's own concurrency.
 */
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import type { AlertStore } from '../../shared/ports/alert-store.ts';

type ReportReads = Pick<AlertStore, 'listCreatedBetween'>;

export function oneReadAtATime<S extends ReportReads>(store: S): S {
  let turn: Promise<unknown> = Promise.resolve();
  /** Runs `read` after every read queued before it. */
  const queued = <T>(read: () => Promise<T>): Promise<T> => {
    const result = turn.then(read);
    turn = result.catch(() => undefined);
    return result;
  };
  async function* listCreatedBetween(fromAt: Instant, toAt: Instant, pageSize: number): AsyncGenerator<readonly Alert[]> {
    const pages = store.listCreatedBetween(fromAt, toAt, pageSize)[Symbol.asyncIterator]();
    for (;;) {
      const page = await queued(() => pages.next());
      if (page.done === true) return;
      yield page.value;
    }
  }
  return new Proxy(store, {
    get: (target, property, receiver) => (property === 'listCreatedBetween' ? listCreatedBetween : Reflect.get(target, property, receiver)),
  });
}
