/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** One SLA clock: its countdown (ticking by the page script while business time runs) and its deadline. */
import type { ClockView } from '../view/clock-view.ts';

export function ClockCell(props: { clock: ClockView }) {
  const { clock } = props;
  const ticking = clock.remainingMs !== null;
  return (
    <span class={`clock o-${clock.outcome} s-${clock.state}`}>
      {ticking ? (
        <span class="text" data-remaining-ms={String(clock.remainingMs)} data-running={clock.running ? '1' : '0'} data-unit={clock.unit}>
          {clock.text}
        </span>
      ) : (
        <span class="text">{clock.text}</span>
      )}
      <span class="due" title={clock.deadlineUtc}>
        {clock.dueText}
      </span>
    </span>
  );
}

/** An instant shown in the viewer's zone by the page script; the UTC text without it and on hover. */
export function Time(props: { iso: string; utc: string; text?: string }) {
  return (
    <time datetime={props.iso} title={props.utc} data-local="">
      {props.text ?? props.utc}
    </time>
  );
}
