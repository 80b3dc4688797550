/**
 * The SLA evaluation of a stored alert, telling a person's answer from its source's: the one
 * entry point for the report, `GET /alerts/{id}`, pages, emails and metrics, so they all
 * agree on what an alert's clocks say.
 *
 * The acknowledgment clock is answered by the first acknowledgment or resolution a person
 * made. When the source acknowledged or resolved the alert and no person answered (before or
 * after), the clock was closed by the source: `closed_by_source` before the deadline, `missed`
 * from it on, and never part of MTTA. Alerts holding `acknowledgedAt` without any recorded
 * response (none exist in stored data; some tests build them) count as a person's answer.
 */
import type { Alert } from '../alert/alert.ts';
import { responseActor, type Response } from '../alert/response.ts';
import type { Instant } from '../instant.ts';
import { evaluateSla, type SlaEvaluation, type SlaEvaluationInput } from './sla-evaluation.ts';

export interface AcknowledgmentAnswers {
  /** A person's first acknowledgment or resolution. */
  readonly personAt: Instant | null;
  /** The source's first acknowledgment or resolution, when no person answered. */
  readonly sourceClosedAt: Instant | null;
}

function closesAcknowledgment(response: Response): boolean {
  return response.type === 'acknowledgment' || response.type === 'resolution';
}

export function acknowledgmentAnswers(alert: Pick<Alert, 'acknowledgedAt' | 'responses'>): AcknowledgmentAnswers {
  const closers = alert.responses.filter(closesAcknowledgment);
  if (closers.length === 0) return { personAt: alert.acknowledgedAt, sourceClosedAt: null };
  const person = closers.find((r) => responseActor(r) === 'person');
  if (person !== undefined) return { personAt: person.at, sourceClosedAt: null };
  const source = closers.find((r) => responseActor(r) === 'source');
  return { personAt: null, sourceClosedAt: source?.at ?? null };
}

/** Whether the alert was resolved by its source (a webhook), not by a person. */
export function resolvedBySource(alert: Pick<Alert, 'resolvedAt' | 'responses'>): boolean {
  if (alert.resolvedAt === null) return false;
  const resolution = alert.responses.find((r) => r.type === 'resolution');
  return resolution !== undefined && responseActor(resolution) === 'source';
}

/** What the evaluation of an alert's clocks depends on, besides the instant. */
export function slaInputOf(alert: Pick<Alert, 'sla' | 'createdAt' | 'timeline' | 'acknowledgedAt' | 'resolvedAt' | 'responses'>): SlaEvaluationInput {
  const { personAt, sourceClosedAt } = acknowledgmentAnswers(alert);
  return {
    policy: alert.sla,
    createdAt: alert.createdAt,
    timeline: alert.timeline,
    acknowledgedAt: personAt,
    resolvedAt: alert.resolvedAt,
    acknowledgmentClosedBySourceAt: sourceClosedAt,
    resolvedBySource: resolvedBySource(alert),
  };
}

export function evaluateAlertSla(alert: Alert, now: Instant): SlaEvaluation {
  return evaluateSla(slaInputOf(alert), now);
}
