/**
 * Mails a built report to each recipient in a message of their own, so that its links are view
 * links signed for that recipient: the alerts it lists and the report's own page open without
 * an API key, for them, until the links expire (`links.ttl_seconds`), like the links in alert
 * emails. Every recipient is tried even after a refusal; when every one was refused the
 * MailError propagates (the schedule's retry sends again), otherwise the refused ones are
 * logged and the report counts as sent, as for notifications (channel-notifier.ts).
 */
import type { PeriodReport } from '../domain/report/period-report.ts';
import { reportForRecipient } from '../domain/report/recipient-report.ts';
import { viewLinkUrl } from '../domain/links/view-token.ts';
import { MailError } from '../errors.ts';
import type { Mailer } from '../ports/mailer.ts';
import { renderReportEmail } from '../report/report-email.ts';
import type { AppDeps } from './app-deps.ts';

/** The id of the first message accepted. */
export async function mailReportEach(
  deps: Pick<AppDeps, 'config' | 'clock' | 'logger'>,
  mailer: Mailer,
  report: PeriodReport,
  recipients: readonly string[],
  linkSecret: string | Buffer,
): Promise<{ readonly messageId: string }> {
  const { baseUrl, ttlSeconds } = deps.config.links;
  const now = deps.clock.now();
  const refused: { recipient: string; error: unknown }[] = [];
  let messageId: string | null = null;
  for (const recipient of recipients) {
    const mine = reportForRecipient(report, (subject) => viewLinkUrl({ subject, recipient, baseUrl, ttlSeconds, now }, linkSecret));
    try {
      const sent = await mailer.send(renderReportEmail(mine.report, [recipient], mine.pageUrl));
      messageId ??= sent.messageId;
    } catch (error) {
      refused.push({ recipient, error });
    }
  }
  for (const { recipient, error } of refused) {
    deps.logger.error('report email refused', { period: report.label, recipient, error: error instanceof Error ? error.message : String(error) });
  }
  if (messageId === null) throw new MailError(`the ${report.interval} report ${report.label} was refused for all ${recipients.length} recipients`, refused[0]?.error);
  return { messageId };
}
