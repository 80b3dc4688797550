/**
 * Bounces and complaints: the SES configuration set every email is sent with, whose event
 * destination publishes bounce and complaint events to a topic; the `ses-feedback` function
 * (functions/ses-feedback.ts) takes them from the topic and records each address that must not
 * be mailed again (a `SUPPRESS#<address>` item); every mailing function checks that list first.
 * The set also publishes reputation metrics, which the bounce and complaint alarms watch.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { IDestination } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, ConfigurationSetEventDestination, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import type { BundleSettings } from './bundling.ts';
import { UNENCRYPTED_TOPIC_REASON } from './operations-topic.ts';
import { grantNeeds, type SharedResources } from './permissions.ts';

export interface MailFeedbackProps {
  readonly configurationSetName: string;
  readonly bundle: BundleSettings;
  readonly environment: Readonly<Record<string, string>>;
  readonly shared: Omit<SharedResources, 'mailArns'>;
  readonly onFailure: IDestination;
}

export class MailFeedback extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly topic: Topic;
  readonly function: AppFunction;

  constructor(scope: Construct, id: string, props: MailFeedbackProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    this.topic = new Topic(this, 'Topic', { displayName: 'sla-watch SES bounces and complaints', enforceSSL: true });
    Validations.of(this.topic).acknowledge({ id: 'AwsSolutions-SNS2', reason: UNENCRYPTED_TOPIC_REASON });
    new ConfigurationSetEventDestination(this, 'BouncesAndComplaints', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.function = new AppFunction(this, 'Function', {
      entry: 'ses-feedback',
      description: 'sla-watch: records addresses SES reported bounced or complained, so they are not mailed again',
      bundle: props.bundle,
      environment: props.environment,
      memorySize: 256,
      timeout: Duration.seconds(30),
      // SNS invokes asynchronously: Lambda retries, then the stack's dead-letter queue (alarmed).
      async: { retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: props.onFailure },
    });
    // Writes suppression items; reads and mails nothing.
    grantNeeds(this.function.role, { items: ['PutItem'], queries: [], timers: false, mail: false }, { ...props.shared, mailArns: [] });
    this.topic.addSubscription(new LambdaSubscription(this.function.fn));
  }
}
