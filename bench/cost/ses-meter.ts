/**
 * Counts what SES would bill, by instrumenting the SESClient (SDK middleware): every accepted
 * SendEmail or SendRawEmail, and the emails it is billed as (one per recipient: SES charges
 * per recipient of a message). Each accepted SendEmail's input is also handed to `onEmail`,
 * which the lifecycle driver uses to follow the acknowledgment links in the mail, as a person
 * would.
 */
import type { SendEmailCommandInput, SESClient } from '@aws-sdk/client-ses';
import type { Meter } from './counts.ts';

const SENDS = new Set(['SendEmailCommand', 'SendRawEmailCommand']);

export function meterSes(client: SESClient, meter: Meter, onEmail: (input: SendEmailCommandInput) => void = () => {}): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const answer = await next(args);
      const command = context.commandName ?? '';
      if (SENDS.has(command)) {
        const input = args.input as SendEmailCommandInput & { Destinations?: string[] };
        const { ToAddresses = [], CcAddresses = [], BccAddresses = [] } = input.Destination ?? {};
        meter.count('ses.calls');
        meter.count('ses.emails', input.Destinations?.length ?? ToAddresses.length + CcAddresses.length + BccAddresses.length);
        if (command === 'SendEmailCommand') onEmail(input);
      }
      return answer;
    },
    { step: 'initialize', name: 'costMeterEmails' },
  );
}
