/**
 * Gives the calling thread a low CPU priority (nice 10), where the system allows one thread of a
 * process its own: on Linux every thread has its own nice value, set through setpriority()
 * with its thread id. Elsewhere the same call would lower the whole process, so nothing is
 * done (the thread then competes with intake at equal priority, as it did before).
 *
 * Lowering one's own priority needs no privilege, and nothing the thread shares with the others
 * is held for long (it talks to them only by messages and over loopback), so the lower priority
 * cannot make them wait behind it.
 */
import { readFileSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/**
 * Nice 10 rather than 19: at 19 a thread gets about 1.5% of a core against each busy thread
 * at normal priority, and a weekly report in the console took over 30 s while tests ran beside
 * the stack; at 10 it gets about 10%, still far behind intake.
 */
const REPORT_NICE = constants.priority.PRIORITY_BELOW_NORMAL;

/** True when the calling thread now runs at the lower priority. */
export function lowerThreadPriority(): boolean {
  let tid: number;
  try {
    // /proc/thread-self is the calling thread's own entry; its stat starts with the thread id.
    tid = Number.parseInt(readFileSync('/proc/thread-self/stat', 'utf8'), 10);
  } catch {
    return false;
  }
  if (!Number.isInteger(tid) || tid <= 0) return false;
  setPriority(tid, REPORT_NICE);
  return true;
}
