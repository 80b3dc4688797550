/**
 * The `openView` attribute of an open alert's item (open-alert-view.ts), copied into its open
 * index entry; none once the alert is resolved (it leaves that index).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import { encodeOpenAlertView, openAlertView } from '../../domain/metrics/open-alert-view.ts';
import { OPEN_VIEW_ATTRIBUTE } from '../../store/table-definition.ts';

export function openViewAttributes(alert: Alert): Record<string, AttributeValue> {
  const view = openAlertView(alert);
  return view === null ? {} : { [OPEN_VIEW_ATTRIBUTE]: { S: encodeOpenAlertView(view) } };
}
