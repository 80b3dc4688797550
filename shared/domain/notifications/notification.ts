/**
 * A notification the domain decided is due: what kind, for which alert, and the instant that
 * made it due. Rendering and channels are decided elsewhere (shared/app/notify).
 */
import type { Instant } from '../instant.ts';

export type NotificationKind =
  | 'new-alert'
  | 'reminder'
  | 'acknowledgment-at-risk'
  | 'acknowledgment-breach'
  | 'resolution-at-risk'
  | 'resolution-breach'
  | 'update-due'
  | 'resolved';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'new-alert',
  'reminder',
  'acknowledgment-at-risk',
  'acknowledgment-breach',
  'resolution-at-risk',
  'resolution-breach',
  'update-due',
  'resolved',
];

export interface Notification {
  readonly kind: NotificationKind;
  readonly alertId: string;
  /** The instant at which it became due. */
  readonly dueAt: Instant;
  /** 1-based, for reminders. */
  readonly reminderNumber?: number;
}
