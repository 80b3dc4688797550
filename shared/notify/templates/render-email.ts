/**
 * One notification email for one recipient: subject, HTML and text from the same view. The
 * recipient matters only through the signed links the caller passes in.
 */
import type { Alert } from '../../domain/alert/alert.ts';
import type { Notification } from '../../domain/notifications/notification.ts';
import type { EmailMessage } from '../../ports/mailer.ts';
import { renderEmailHtml } from './email-html.ts';
import { renderEmailText } from './email-text.ts';
import { buildNotificationView, type ViewContext } from './notification-view.ts';

export type RenderedEmail = Omit<EmailMessage, 'to'>;

export function renderNotificationEmail(notification: Notification, alert: Alert, context: ViewContext): RenderedEmail {
  const view = buildNotificationView(notification, alert, context);
  return { subject: view.subject, html: renderEmailHtml(view), text: renderEmailText(view) };
}
