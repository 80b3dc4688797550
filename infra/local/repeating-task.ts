/**
 * A task run again and again on a local timer (the sweeper, the daily report), never two runs
 * at once, stopped cleanly: `stop()` waits for the run in flight. A failed run is logged and the
 * next one still happens, as a scheduler would retry on AWS.
 */
import type { Logger } from '../../shared/ports/logger.ts';

export interface RepeatingTask {
  stop(): Promise<void>;
}

/** Runs `run` at the instants `nextDelayMs` gives, measured after each run ends. */
export function repeat(name: string, nextDelayMs: () => number, run: () => Promise<unknown>, logger: Logger): RepeatingTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = run()
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
      await inFlight;
    },
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
