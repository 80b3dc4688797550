/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The alert page: details, clocks, timeline, responses, notifications and deliveries, and,
 * for a signed-in person, the forms to acknowledge, resolve and post an update (each with the
 * session's CSRF token). Reached by a view link, it shows the same without forms.
 */
import type { LinkAction } from '../../domain/links/link-token.ts';
import type { AlertPageView, Fact } from '../view/alert-page-view.ts';
import { ClockCell, Time } from './clock-cell.tsx';
import { TimelineSvg } from './timeline-svg.tsx';

const BUTTONS: Readonly<Record<LinkAction, string>> = { acknowledge: 'Acknowledge', resolve: 'Resolve', update: 'Post update' };

function Facts(props: { facts: readonly Fact[] }) {
  return (
    <dl class="facts">
      {props.facts.map((f) => (
        <>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </>
      ))}
    </dl>
  );
}

function Actions(props: { view: AlertPageView; csrf: string }) {
  const { view, csrf } = props;
  if (view.actions.length === 0) return <p class="muted">This alert is resolved: it takes no more responses.</p>;
  return (
    <div class="actions">
      {view.actions
        .filter((a) => a !== 'update')
        .map((action) => (
          <form method="post" action={`/alerts/${encodeURIComponent(view.id)}/respond`}>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="action" value={action} />
            <button type="submit" id={`do-${action}`}>
              {BUTTONS[action]}
            </button>
          </form>
        ))}
      {view.actions.includes('update') ? (
        <form method="post" action={`/alerts/${encodeURIComponent(view.id)}/respond`} class="grow">
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="action" value="update" />
          <label for="note">Update</label>
          <textarea id="note" name="note" required maxlength={4000}></textarea>
          <button type="submit" id="do-update">
            {BUTTONS.update}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function AlertPage(props: { view: AlertPageView; csrf: string | null; notice: string | null; readOnlyFor: string | null }) {
  const { view } = props;
  return (
    <>
      <div class="card">
        <p>
          <span class={`tag ${view.priority}`}>{view.priority}</span> <span class={`status ${view.status}`}>{view.statusWord}</span>
        </p>
        <h1>{view.title}</h1>
        {props.notice === null ? null : (
          <p class="notice ok" role="status" id="result">
            {props.notice}
          </p>
        )}
        {props.readOnlyFor === null ? null : (
          <p class="small">
            Shown to {props.readOnlyFor} by a view link. <a href={`/console/alerts/${encodeURIComponent(view.id)}`}>Sign in</a> to respond from here, or use the buttons in the email.
          </p>
        )}
        <table>
          <caption class="sr-only">SLA clocks</caption>
          <tbody>
            <tr>
              <th scope="row">Acknowledgment</th>
              <td>
                <ClockCell clock={view.acknowledgment} />
              </td>
            </tr>
            <tr>
              <th scope="row">Resolution</th>
              <td>
                <ClockCell clock={view.resolution} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {props.csrf === null ? null : (
        <section class="card" aria-labelledby="h-actions">
          <h2 id="h-actions">Respond</h2>
          <Actions view={view} csrf={props.csrf} />
        </section>
      )}
      <section class="card" aria-labelledby="h-timeline">
        <h2 id="h-timeline">SLA timeline</h2>
        <TimelineSvg model={view.timeline} />
      </section>
      <section class="card" aria-labelledby="h-details">
        <h2 id="h-details">Details</h2>
        <Facts facts={view.facts} />
        {view.description === null ? null : <pre>{view.description}</pre>}
        {view.labels.length === 0 ? null : (
          <>
            <h2>Labels</h2>
            <Facts facts={view.labels} />
          </>
        )}
        {view.annotations.length === 0 ? null : (
          <>
            <h2>Annotations</h2>
            <Facts facts={view.annotations} />
          </>
        )}
        {view.links.length === 0 ? null : (
          <>
            <h2>Source links</h2>
            <ul>
              {view.links.map((l) => (
                <li>
                  <a href={l.href} rel="noopener noreferrer">
                    {l.text}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="h-responses">
        <h2 id="h-responses">Responses ({view.responses.length})</h2>
        {view.responses.length === 0 ? (
          <p class="muted">No response yet.</p>
        ) : (
          <ol id="responses">
            {view.responses.map((r) => (
              <li>
                <b>{r.type}</b> by <b>{r.by}</b> {r.how}, {r.wall} (<Time iso={r.atIso} utc={r.atUtc} />)
                {r.note === null ? null : <pre>{r.note}</pre>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="card" aria-labelledby="h-notifications">
        <h2 id="h-notifications">Notifications</h2>
        {view.notifications.length === 0 ? (
          <p class="muted">Nothing sent yet.</p>
        ) : (
          <ul>
            {view.notifications.map((n) => (
              <li>
                {n.text}: {n.wall} (<Time iso={n.atIso} utc={n.atUtc} />)
              </li>
            ))}
          </ul>
        )}
        {view.failures.length === 0 ? null : (
          <>
            <h2>Failed sends</h2>
            <ul>
              {view.failures.map((f) => (
                <li>
                  {f.text} ({f.wall})
                </li>
              ))}
            </ul>
          </>
        )}
        <h2>Deliveries</h2>
        {view.deliveries === null ? (
          <p class="muted">This alert was stored before deliveries were recorded per recipient.</p>
        ) : view.deliveries.length === 0 ? (
          <p class="muted">No delivery yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Notification</th>
                <th scope="col">Channel</th>
                <th scope="col">Recipient</th>
                <th scope="col">State</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {view.deliveries.map((d) => (
                <tr>
                  <td>{d.notification}</td>
                  <td>{d.channel}</td>
                  <td>{d.recipient}</td>
                  <td>
                    {d.state}
                    {d.detail === null ? null : <div class="small">{d.detail}</div>}
                  </td>
                  <td>
                    <Time iso={d.atIso} utc={d.atUtc} text={d.wall} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
