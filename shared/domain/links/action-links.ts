/**
 * The signed links an email offers one recipient: which actions still make sense for the
 * alert's status (no "acknowledge" once acknowledged, nothing once resolved), each signed for
 * that recipient so that a click is attributed to them.
 */
import type { AlertStatus } from '../alert/alert.ts';
import { SECOND_MS, type Instant } from '../instant.ts';
import { signLinkToken, type LinkAction } from './link-token.ts';

export interface ActionLink {
  readonly action: LinkAction;
  readonly url: string;
}

export interface ActionLinkRequest {
  readonly alertId: string;
  readonly status: AlertStatus;
  readonly recipient: string;
  /** Public base URL of the HTTP API (links.baseUrl). */
  readonly baseUrl: string;
  readonly ttlSeconds: number;
  /** Signing time: links expire ttlSeconds after it. */
  readonly now: Instant;
}

export function linkActionsFor(status: AlertStatus): readonly LinkAction[] {
  switch (status) {
    case 'open':
      return ['acknowledge', 'resolve', 'update'];
    case 'acknowledged':
      return ['resolve', 'update'];
    case 'resolved':
      return [];
  }
}

/** `${baseUrl}/ack/${token}`; a trailing slash on the base is tolerated. */
export function actionLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/ack/${token}`;
}

export function actionLinks(request: ActionLinkRequest, secret: string | Buffer): readonly ActionLink[] {
  const expiresAt = request.now + request.ttlSeconds * SECOND_MS;
  return linkActionsFor(request.status).map((action) => ({
    action,
    url: actionLinkUrl(
      request.baseUrl,
      signLinkToken({ alertId: request.alertId, action, recipient: request.recipient, expiresAt }, secret),
    ),
  }));
}
