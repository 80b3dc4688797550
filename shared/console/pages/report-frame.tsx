/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * A report page in the console frame: the switch between day, week and month, the pager, and
 * the report's card. A reader who came by a view link gets the card alone, and is told that
 * moving between periods takes signing in (view links open one report only).
 */
import type { Child } from 'hono/jsx';
import type { PeriodNav } from '../view/report-nav.ts';

export function ReportFrame(props: { nav: PeriodNav; card: Child; recipient: string | null }) {
  const { nav, recipient } = props;
  const browsing = recipient === null;
  return (
    <>
      {browsing ? (
        <nav class="tabs" aria-label="Report interval">
          {nav.intervals.map((each) => (
            <a href={each.href} aria-current={each.current ? 'page' : undefined}>
              {each.text}
            </a>
          ))}
        </nav>
      ) : null}
      <div class="pager">
        {browsing && nav.previous !== null ? (
          <a rel="prev" href={nav.previous.href} aria-label={`Previous report: ${nav.previous.text.replace('← ', '')}`}>
            {nav.previous.text}
          </a>
        ) : null}
        <h1>{nav.heading}</h1>
        {browsing && nav.next !== null ? (
          <a rel="next" href={nav.next.href} aria-label={`Next report: ${nav.next.text.replace(' →', '')}`}>
            {nav.next.text}
          </a>
        ) : null}
      </div>
      {browsing ? null : <p class="small">Shown to {recipient} by a view link. Sign in to move between periods.</p>}
      <div class="paper">{props.card}</div>
    </>
  );
}
