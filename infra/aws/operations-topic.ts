/**
 * The topic every alarm notifies (alarms.ts), with one email subscription per address of
 * `operations.alarm_emails`. AWS mails each address a confirmation link first: until it is
 * clicked, that address hears nothing (the deploy command says so).
 */
import { Validations } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Why the SNS topics of the stack are not KMS-encrypted (cdk-nag AwsSolutions-SNS2). */
export const UNENCRYPTED_TOPIC_REASON =
  "The topic carries alarm state changes and SES bounce/complaint events (names of alarms, recipient addresses sla-watch already mails in plain SMTP); nothing secret. CloudWatch alarms and SES cannot publish to a topic encrypted with the AWS managed key, and a customer managed key would add a monthly charge and a key policy for a topic that holds nothing confidential. Only TLS publishing is allowed (enforceSSL).";

export class OperationsTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: { readonly emails: readonly string[] }) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'sla-watch alarms', enforceSSL: true });
    Validations.of(this.topic).acknowledge({ id: 'AwsSolutions-SNS2', reason: UNENCRYPTED_TOPIC_REASON });
    for (const email of props.emails) this.topic.addSubscription(new EmailSubscription(email));
  }
}
