/**
 * The subject line of a notification email: `[sla-watch] HIGH acknowledgment SLA at risk:
 * <title>`. Mail headers are one line, so everything is flattened and stripped of controls
 * (no CR/LF can reach a header), and capped so that clients show the priority and kind before
 * they cut it.
 */
import type { Priority } from '../../domain/sla/priority.ts';
import { singleLine } from '../../domain/clean-text.ts';

export const SUBJECT_MAX_CHARS = 200;

export function subjectLine(priority: Priority, kindWords: string, title: string): string {
  return singleLine(`[sla-watch] ${priority.toUpperCase()} ${kindWords}: ${title}`, SUBJECT_MAX_CHARS);
}
