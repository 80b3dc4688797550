/** Lambda entry point for `reminder` timers (see runtime/timer-handler.ts). */
import { timerHandler } from './runtime/timer-handler.ts';

export const handler = timerHandler;
