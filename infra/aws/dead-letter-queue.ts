/**
 * A dead-letter queue as every one in the stack is made: encrypted, TLS only, letters kept 14
 * days, and cdk-nag's "no dead-letter queue of its own" finding acknowledged with why.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** `holds`: whose failures land here, for the acknowledgment's reason. */
export function deadLetterQueue(scope: Construct, id: string, holds: string, more = ''): Queue {
  const queue = new Queue(scope, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the dead-letter queue of ${holds}; a dead-letter queue of a dead-letter queue would only move the same messages, and its depth alarm (alarms.ts) is what tells operators.${more}`,
  });
  return queue;
}
