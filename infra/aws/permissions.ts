/**
 * What each function may do, granted statement by statement on named resources: table
 * actions on the table (and, for queries, on the one index they read), schedules only in the
 * timer group plus passing only the scheduler role, email only as the configured SES identity
 * and From address, and the one secret. The `grant*` helpers of the constructs are avoided on purpose: they
 * grant more than we use (GetItem, Scan, BatchWriteItem, `index/*`, DescribeSecret).
 */
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IndexDefinition } from '../../shared/store/table-definition.ts';
import type { AlertTable } from './alert-table.ts';
import type { TimerInfrastructure } from './timer-infrastructure.ts';

export type ItemAction = 'BatchGetItem' | 'PutItem' | 'UpdateItem';

/** What one function needs, declared next to the function (api.ts, jobs.ts). */
export interface FunctionNeeds {
  /** Item actions on the table: DynamoAlertStore reads by key with BatchGetItem (reads made
   * together share a call), writes one item at a time, and never deletes or scans. */
  readonly items: readonly ItemAction[];
  /** Indexes it queries. */
  readonly queries: readonly IndexDefinition[];
  /** Whether it arms and cancels timers. */
  readonly timers: boolean;
  /** Whether it sends email. */
  readonly mail: boolean;
  /** Whether it writes alerts, and so adds to the day counters (`COUNTERS#...` items only). */
  readonly writesAlerts?: boolean;
  /** Whether it reads and writes the report's day rollups (`ROLLUP#...` items only). */
  readonly rollups?: boolean;
}

export interface SharedResources {
  readonly table: AlertTable;
  readonly timers: TimerInfrastructure;
  readonly secret: ISecret;
  /** `arn:...:identity/<identity>` and, when one is used, the configuration set's ARN. */
  readonly mailArns: readonly string[];
  /** The one From address every email is sent as (the bare address, without a display name). */
  readonly senderAddress: string;
}

export function grantNeeds(role: Role, needs: FunctionNeeds, shared: SharedResources): void {
  const { table, timers, secret, mailArns, senderAddress } = shared;
  // Every function reads the secret at cold start (functions/runtime/aws-root.ts).
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
  // An index that holds keys only is read with the alerts fetched by key (BatchGetItem).
  const items = needs.queries.some((index) => index.readsItems) && !needs.items.includes('BatchGetItem') ? ['BatchGetItem' as const, ...needs.items] : needs.items;
  if (items.length > 0) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: items.map((a) => `dynamodb:${a}`), resources: [table.table.tableArn] }));
  }
  if (needs.queries.length > 0) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: needs.queries.map((index) => table.indexArn(index)) }));
  }
  if (needs.writesAlerts === true && !items.includes('UpdateItem')) {
    // A function that writes alerts adds each write to the day's SLA counters
    // (dynamo-day-counters.ts): UpdateItem on those items only (where it may not update every
    // item already).
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['COUNTERS#*'] } },
      }),
    );
  }
  if (needs.rollups === true) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        // Reading rollups needs no grant of its own where every item may be read already.
        actions: items.includes('BatchGetItem') ? ['dynamodb:PutItem'] : ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
        resources: [table.table.tableArn],
        // Only the rollup items: a report never writes an alert.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ROLLUP#*'] } },
      }),
    );
  }
  if (needs.timers) {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'], resources: [timers.schedulesArn()] }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [timers.schedulerRole.roleArn],
        // The role may be handed to EventBridge Scheduler only.
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    timers.acknowledgeSchedulesWildcard(role);
  }
  if (needs.mail) {
    // SesMailer sends with SendEmail only, always as the one sender: a function that is made
    // to send as anyone else of the identity's domain is refused. (SES compares the address
    // alone; a display name is `ses:FromDisplayName`.)
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['ses:SendEmail'], resources: [...mailArns], conditions: { StringEquals: { 'ses:FromAddress': senderAddress } } }),
    );
  }
}
