/**
 * Stores an alert the way intake does (built, its first timer planned, created in the store),
 * for use-case and scenario tests that start from an alert already received.
 */
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { slaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import { planTimer } from '../../shared/domain/timers/plan-timer.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import type { TestDeps } from '../support/test-deps.ts';

/** `makeAlert(patch)` with the timeline recomputed from its policy (unless patched) and its timer planned, stored. */
export async function storeAlert(t: TestDeps, patch: Partial<Alert> = {}): Promise<Alert> {
  const built = makeAlert(patch);
  const alert = { ...built, timeline: patch.timeline ?? slaTimeline(built.sla, built.createdAt) };
  const stored = { ...alert, timer: patch.timer === undefined ? planTimer(alert) : patch.timer };
  await t.store.create(stored);
  return stored;
}

/** The stored alert (throws when missing: tests use it on alerts they stored). */
export async function reload(t: TestDeps, id: string): Promise<Alert> {
  const alert = await t.store.get(id);
  if (alert === null) throw new Error(`alert ${id} is not stored`);
  return alert;
}
