/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** The integrations page and the what-if page. */
import type { ExplainView } from '../view/explain-view.ts';
import type { IntegrationRow } from '../view/integrations-view.ts';
import { Time } from './clock-cell.tsx';
import { TimelineSvg } from './timeline-svg.tsx';

export function IntegrationsPage(props: { rows: readonly IntegrationRow[] }) {
  return (
    <>
      <h1>Integrations ({props.rows.length})</h1>
      {props.rows.length === 0 ? <p class="card">No integration is configured: add one under integrations: in the configuration file.</p> : null}
      {props.rows.map((row) => (
        <section class="card" aria-labelledby={`h-${row.id}`} id={`integration-${row.id}`}>
          <h2 id={`h-${row.id}`}>
            {row.id} <span class="small">({row.format})</span>
          </h2>
          <dl class="facts">
            <dt>URL</dt>
            <dd>
              <code>{row.url}</code>
            </dd>
            <dt>Secret</dt>
            <dd>
              {row.secretText}. Snippets read it from <code>{row.secretName}</code>.
            </dd>
            {row.stats === null ? null : (
              <>
                <dt>Last delivered</dt>
                <dd>{row.stats.lastDelivered === null ? 'never' : <Time iso={row.stats.lastDelivered.iso} utc={row.stats.lastDelivered.utc} text={row.stats.lastDelivered.ago} />}</dd>
                <dt>Accepted</dt>
                <dd class="accepted">{row.stats.accepted}</dd>
                <dt>Rejected</dt>
                <dd class="rejected">{row.stats.rejected}</dd>
                <dt>Last rejection</dt>
                <dd class="last-rejection">
                  {row.stats.lastRejection === null ? (
                    'none'
                  ) : (
                    <>
                      <code>{row.stats.lastRejection.reason}</code> (<Time iso={row.stats.lastRejection.iso} utc={row.stats.lastRejection.utc} />)
                    </>
                  )}
                </dd>
              </>
            )}
          </dl>
          <h3 class="small">{row.snippetTitle}</h3>
          <pre>{row.snippet}</pre>
        </section>
      ))}
    </>
  );
}

export function ExplainPage(props: { view: ExplainView }) {
  const { view } = props;
  return (
    <>
      <div class="card">
        <h1>What if an alert arrived…</h1>
        {view.problems.length === 0 ? null : (
          <ul class="notice error" role="alert">
            {view.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        )}
        <form class="filters" method="get" action="/explain">
          <div>
            <label for="x-priority">Priority</label>
            <select id="x-priority" name="priority">
              {view.priorities.map((p) => (
                <option value={p} selected={view.form.priority === p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="x-arrival">Arrival (wall time in the calendar's zone)</label>
            <input id="x-arrival" name="arrival" type="datetime-local" value={view.form.arrival} required />
          </div>
          <div>
            <label for="x-calendar">Calendar</label>
            <select id="x-calendar" name="calendar">
              {view.calendars.map((cal) => (
                <option value={cal.value} selected={view.form.calendar === cal.value}>
                  {cal.text}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Explain</button>
        </form>
      </div>
      {view.result === null ? null : (
        <>
          <section class="card" aria-labelledby="h-x-timeline">
            <h2 id="h-x-timeline">SLA timeline</h2>
            <TimelineSvg model={view.result.timeline} />
          </section>
          <section class="card" aria-labelledby="h-x-rows">
            <h2 id="h-x-rows">Instants</h2>
            <table>
              <tbody>
                {view.result.rows.map((r) => (
                  <tr>
                    <th scope="row">{r.label}</th>
                    <td>{r.wall}</td>
                    <td>{r.utc}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
