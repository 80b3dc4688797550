/**
 * Lambda entry point for SES bounce and complaint events: the stack's configuration set
 * publishes them to an SNS topic that invokes this function. Each suppressed address is
 * recorded in the table; a failure throws, so SNS retries the delivery.
 */
import { recordMailFeedback } from '../shared/app/record-mail-feedback.ts';
import { deps, suppressions } from './runtime/aws-root.ts';

interface SnsEvent {
  readonly Records?: readonly { readonly Sns?: { readonly Message?: string } }[];
}

export async function handler(event: SnsEvent): Promise<{ suppressed: number }> {
  const messages = (event.Records ?? []).map((record) => record.Sns?.Message ?? '');
  const recorded = await recordMailFeedback({ suppressions, clock: deps.clock, logger: deps.logger }, messages);
  return { suppressed: recorded.length };
}
