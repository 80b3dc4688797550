/**
 * A task run again and again on a local timer (the sweeper, the daily report), never two runs
 * at once, stopped cleanly: `stop()` aborts the run's signal (a long run, such as a sweep
 * draining a backlog, stops at its next step) and waits for it to end. A failed run is logged
 * and the next one still happens, as a scheduler would retry on AWS.
 */
import type { Logger } from '../../shared/ports/logger.ts';

export interface RepeatingTask {
  stop(): Promise<void>;
}

/** Runs `run` at the instants `nextDelayMs` gives, measured after each run ends. */
export function repeat(name: string, nextDelayMs: () => number, run: (signal: AbortSignal) => Promise<unknown>, logger: Logger): RepeatingTask {
  let stopped = false;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = run(stopping.signal)
        .then(() => undefined)
        .catch((error: unknown) => logger.error(`${name} failed`, { error: errorText(error) }))
        .finally(schedule);
    }, Math.max(0, nextDelayMs()));
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopping.abort();
      await inFlight;
    },
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
