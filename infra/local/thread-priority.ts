/**
 * Gives the calling thread the lowest CPU priority, where the system allows one thread of a
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

/** True when the calling thread now runs at the lowest priority. */
export function lowerThreadPriority(): boolean {
  let tid: number;
  try {
    // /proc/thread-self is the calling thread's own entry; its stat starts with the thread id.
    tid = Number.parseInt(readFileSync('/proc/thread-self/stat', 'utf8'), 10);
  } catch {
    return false;
  }
  if (!Number.isInteger(tid) || tid <= 0) return false;
  setPriority(tid, constants.priority.PRIORITY_LOW);
  return true;
}
