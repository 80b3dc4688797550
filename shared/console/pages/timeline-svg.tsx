/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The SLA timeline drawn as SVG from its model (timeline-model.ts), with the same events as a
 * list beneath it: the drawing for the eye, the list for screen readers and exact times.
 */
import type { TimelineModel } from '../view/timeline-model.ts';
import { Time } from './clock-cell.tsx';

export function TimelineSvg(props: { model: TimelineModel }) {
  const m = props.model;
  return (
    <figure class="timeline" aria-labelledby="timeline-caption">
      <svg viewBox={`0 0 ${m.width} ${m.height}`} role="img" aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">
        <title id="timeline-title">{m.summary}</title>
        {m.windows.map((w) => (
          <rect class="win" x={String(w.x)} y={String(m.top)} width={String(w.width)} height={String(m.axisY - m.top)} />
        ))}
        {m.bars.map((b) => (
          <rect class={`bar-${b.kind}`} x={String(b.x)} y={String(b.y)} width={String(b.width)} height="10" rx="2">
            <title>{b.label}</title>
          </rect>
        ))}
        <line class="axis" x1="0" x2={String(m.width)} y1={String(m.axisY)} y2={String(m.axisY)} />
        {m.ticks.map((t) => (
          <g>
            <line class="axis" x1={String(t.x)} x2={String(t.x)} y1={String(m.axisY)} y2={String(m.axisY + 5)} />
            <text x={String(t.x)} y={String(m.axisY + 18)} text-anchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {m.markers.map((mk) => (
          <line class={`m-${mk.kind}`} x1={String(mk.x)} x2={String(mk.x)} y1={String(m.top - 8)} y2={String(m.axisY)} stroke-width={mk.kind === 'deadline' || mk.kind === 'now' ? '2.5' : '1.5'} stroke-dasharray={mk.kind === 'reminder' || mk.kind === 'risk' ? '4 3' : undefined}>
            <title>{`${mk.label}: ${mk.wall} (${mk.atUtc})`}</title>
          </line>
        ))}
        {m.markers
          .filter((mk) => mk.kind === 'deadline' || mk.kind === 'now')
          .map((mk, i) => (
            <text x={String(Math.min(m.width - 60, Math.max(30, mk.x)))} y={String(12 + (i % 2) * 0)} text-anchor="middle">
              {mk.kind === 'now' ? 'now' : mk.label.startsWith('Ack') ? 'ack due' : 'resolve due'}
            </text>
          ))}
      </svg>
      <figcaption id="timeline-caption" class="small">
        {m.windows.length === 0 && m.calendarText.startsWith('around') ? 'Around the clock: every hour counts.' : `Shaded: business hours (${m.calendarText}).`} Bars: the acknowledgment and
        resolution clocks, from arrival to their deadlines.
      </figcaption>
      <ul class="legend" aria-label="Timeline events">
        {m.markers.map((mk) => (
          <li>
            <b>{mk.label}</b>: {mk.wall} (<Time iso={mk.atIso} utc={mk.atUtc} />)
          </li>
        ))}
      </ul>
    </figure>
  );
}
