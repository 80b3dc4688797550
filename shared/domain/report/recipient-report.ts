/**
 * The report as one recipient's email shows it. The report is built once; each recipient's
 * copy has every alert link replaced by a view link signed for that recipient (so a manager
 * who clicks opens the alert's page without signing in, and the page says whom it was shown
 * to), and names the report's own page by a view link of its own. Signing is the caller's
 * function: this module only says which link goes where.
 */
import type { ViewSubject } from '../links/view-token.ts';
import type { PeriodReport } from './period-report.ts';

/** The view link of a subject for this recipient. */
export type ViewLinkSigner = (subject: ViewSubject) => string;

export interface RecipientReport {
  readonly report: PeriodReport;
  /** The report's page in the browser, for this recipient only. */
  readonly pageUrl: string;
}

/** `weekly/2026-W49`: the period a report view token names. */
export function reportViewPeriod(report: Pick<PeriodReport, 'interval' | 'label'>): string {
  return `${report.interval}/${report.label}`;
}

export function reportForRecipient(report: PeriodReport, sign: ViewLinkSigner): RecipientReport {
  const alertLink = (alertId: string) => sign({ kind: 'alert', alertId });
  return {
    report: {
      ...report,
      backlog: { ...report.backlog, items: report.backlog.items.map((item) => ({ ...item, link: alertLink(item.id) })) },
      breachedAlerts: report.breachedAlerts === null ? null : report.breachedAlerts.map((alert) => ({ ...alert, link: alertLink(alert.id) })),
    },
    pageUrl: sign({ kind: 'report', period: reportViewPeriod(report) }),
  };
}
