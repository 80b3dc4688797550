/**
 * SES event publishing, as it reaches the feedback function: an SNS notification whose message
 * is SES's JSON event (`eventType` Bounce, Complaint, Delivery...). Only what must stop future
 * mail is taken: every recipient of a Permanent bounce (the mailbox does not exist) and every
 * recipient of a complaint (they marked it as spam). Transient bounces (mailbox full) are left
 * alone: SES retries those itself and the address works again later.
 *
 * Anything else (a delivery, a send, a malformed message) yields no suppression; a message
 * that is not JSON at all is an error, so the function fails and the event is retried.
 */
import type { Instant } from '../../domain/instant.ts';
import { InvalidRequestError } from '../../errors.ts';
import type { Suppression } from '../../ports/suppression-list.ts';
import { isValidEmailAddress } from './email-address.ts';

interface SesEvent {
  readonly eventType?: unknown;
  readonly notificationType?: unknown;
  readonly bounce?: { readonly bounceType?: unknown; readonly bounceSubType?: unknown; readonly bouncedRecipients?: unknown; readonly timestamp?: unknown };
  readonly complaint?: { readonly complaintFeedbackType?: unknown; readonly complainedRecipients?: unknown; readonly timestamp?: unknown };
}

function addresses(recipients: unknown): string[] {
  if (!Array.isArray(recipients)) return [];
  return recipients
    .map((r: unknown) => (r !== null && typeof r === 'object' ? (r as { emailAddress?: unknown }).emailAddress : undefined))
    .filter((a): a is string => typeof a === 'string' && isValidEmailAddress(a.trim()))
    .map((a) => a.trim());
}

function instant(text: unknown, fallback: Instant): Instant {
  const at = typeof text === 'string' ? Date.parse(text) : Number.NaN;
  return Number.isFinite(at) ? at : fallback;
}

/** The suppressions one SES event calls for; `receivedAt` stands in for a missing timestamp. */
export function suppressionsOf(message: string, receivedAt: Instant): Suppression[] {
  let event: SesEvent;
  try {
    event = JSON.parse(message) as SesEvent;
  } catch {
    throw new InvalidRequestError('not an SES event', ['Sns.Message: expected JSON']);
  }
  if (event === null || typeof event !== 'object') return [];
  // Event publishing says eventType; identity notifications (the older feed) say notificationType.
  const type = event.eventType ?? event.notificationType;
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    const detail = `Permanent/${String(event.bounce.bounceSubType ?? 'General')}`;
    const at = instant(event.bounce.timestamp, receivedAt);
    return addresses(event.bounce.bouncedRecipients).map((address) => ({ address, reason: 'bounce', at, detail }));
  }
  if (type === 'Complaint') {
    const detail = String(event.complaint?.complaintFeedbackType ?? 'complaint');
    const at = instant(event.complaint?.timestamp, receivedAt);
    return addresses(event.complaint?.complainedRecipients).map((address) => ({ address, reason: 'complaint', at, detail }));
  }
  return [];
}
