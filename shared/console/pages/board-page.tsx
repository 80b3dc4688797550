/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** The board (`/`): counts, filters, and the open alerts most pressing first. */
import { PRIORITIES } from '../../domain/sla/priority.ts';
import { BOARD_STATUSES, STATUS_WORDS, type BoardFilters, type BoardView } from '../view/board-view.ts';
import { latestReportLinks } from '../view/report-nav.ts';
import { ClockCell } from './clock-cell.tsx';

function pageHref(filters: BoardFilters, page: number): string {
  const query = new URLSearchParams();
  if (filters.priority !== null) query.set('priority', filters.priority);
  if (filters.status !== null) query.set('status', filters.status);
  if (filters.integration !== null) query.set('integration', filters.integration);
  if (filters.label !== null) query.set('label', filters.label);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text === '' ? '/' : `/?${text}`;
}

function Filters(props: { view: BoardView }) {
  const { filters, integrations } = props.view;
  return (
    <form class="filters" method="get" action="/">
      <div>
        <label for="f-priority">Priority</label>
        <select id="f-priority" name="priority">
          <option value="">any</option>
          {PRIORITIES.map((p) => (
            <option value={p} selected={filters.priority === p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-status">Status</label>
        <select id="f-status" name="status">
          <option value="">any</option>
          {BOARD_STATUSES.map((s) => (
            <option value={s} selected={filters.status === s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-integration">Integration</label>
        <select id="f-integration" name="integration">
          <option value="">any</option>
          {integrations.map((i) => (
            <option value={i} selected={filters.integration === i}>
              {i}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-label">Label (key=value)</label>
        <input id="f-label" name="label" value={filters.label ?? ''} placeholder="team=payments" />
      </div>
      <button type="submit">Filter</button>
      <a href="/">Clear</a>
    </form>
  );
}

export function BoardPage(props: { view: BoardView }) {
  const { view } = props;
  return (
    <div data-refresh-ms={String(view.refreshMs)} id="board">
      <h1>Open alerts ({view.openCount})</h1>
      <ul class="counts" aria-label="Open alerts by priority">
        {view.counts.map((c) => (
          <li>
            <b>{c.count}</b> <span class={`tag ${c.priority}`}>{c.priority}</span>
          </li>
        ))}
        {view.statusCounts.map((c) => (
          <li>
            <b>{c.count}</b> <span class={`status ${c.status}`}>{STATUS_WORDS[c.status]}</span>
          </li>
        ))}
      </ul>
      <Filters view={view} />
      <nav class="reports small" aria-label="SLA reports">
        SLA reports:{' '}
        {latestReportLinks().map((link, i) => (
          <>
            {i === 0 ? null : ' · '}
            <a href={link.href}>{link.text}</a>
          </>
        ))}
      </nav>
      {view.rows.length === 0 ? (
        <p class="card">{view.openCount === 0 ? 'No open alerts. Everything is answered.' : 'No open alert matches these filters.'}</p>
      ) : (
        <table class="board card">
          <caption class="sr-only">Open alerts, the next deadline first</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Alert</th>
              <th scope="col">Status</th>
              <th scope="col">Acknowledgment</th>
              <th scope="col">Resolution</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr data-alert-id={row.id}>
                <td>
                  <span class={`tag ${row.priority}`}>{row.priority}</span>
                </td>
                <td class="title">
                  <a href={row.href}>{row.title}</a>
                  <div class="small">
                    {row.source} via {row.integration} · opened <span title={row.createdUtc}>{row.ageText}</span>
                  </div>
                </td>
                <td>
                  <span class={`status ${row.status}`}>{STATUS_WORDS[row.status]}</span>
                  {row.acknowledged ? <div class="small">acknowledged</div> : null}
                </td>
                <td>
                  <ClockCell clock={row.acknowledgment} />
                </td>
                <td>
                  <ClockCell clock={row.resolution} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {view.page > 1 ? <a href={pageHref(view.filters, view.page - 1)}>Previous page</a> : null}
          <span>
            Page {view.page} of {view.pages} ({view.matching} alerts)
          </span>
          {view.page < view.pages ? <a href={pageHref(view.filters, view.page + 1)}>Next page</a> : null}
        </nav>
      ) : null}
    </div>
  );
}
