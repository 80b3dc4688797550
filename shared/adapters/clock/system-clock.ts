import type { Clock } from '../../ports/clock.ts';

/** The real clock, for the composition roots. Everything below them takes a Clock. */
export const systemClock: Clock = { now: () => Date.now() };
