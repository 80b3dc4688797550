/**
 * The report worker's view of the store: its day-index pages are fetched one at a time, however
 * many slices the report reads at once. Locally one dynalite thread serves both intake and the
 * report; four report queries queued at once would make an intake write wait behind all four,
 * where one at a time it waits behind at most one. On AWS DynamoDB serves them in parallel and
 * the report reads with the use case's own concurrency.
 */
import type { AlertStore } from '../../shared/ports/alert-store.ts';

/** The listings a report reads page by page. */
const REPORT_LISTINGS = ['listCreatedBetween', 'listReportViews'] as const;
type ReportReads = Pick<AlertStore, (typeof REPORT_LISTINGS)[number]>;

export function oneReadAtATime<S extends ReportReads>(store: S): S {
  let turn: Promise<unknown> = Promise.resolve();
  /** Runs `read` after every read queued before it. */
  const queued = <T>(read: () => Promise<T>): Promise<T> => {
    const result = turn.then(read);
    turn = result.catch(() => undefined);
    return result;
  };
  /** The listing's pages, each fetched in turn. */
  async function* inTurn<T>(pages: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = pages[Symbol.asyncIterator]();
    for (;;) {
      const page = await queued(() => iterator.next());
      if (page.done === true) return;
      yield page.value;
    }
  }
  const listings: ReportReads = {
    listCreatedBetween: (...args) => inTurn(store.listCreatedBetween(...args)),
    listReportViews: (...args) => inTurn(store.listReportViews(...args)),
  };
  return new Proxy(store, {
    get: (target, property, receiver) =>
      (REPORT_LISTINGS as readonly (string | symbol)[]).includes(property) ? listings[property as keyof ReportReads] : Reflect.get(target, property, receiver),
  });
}
