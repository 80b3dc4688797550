/**
 * The one DynamoDB table, built from shared/store/table-definition.ts (the local bootstrap
 * creates the same keys and indexes from the same constants): on demand, point-in-time
 * recovery, TTL on resolved alerts, retained when the stack is deleted (it holds the SLA history).
 *
 * Its construct id carries the table shape: DynamoDB cannot change the keys of an index in
 * place (and CloudFormation changes at most one index per update), so a new shape is a new
 * table, and the table of the older shape is left in place, retained, with its items. The
 * index shard count the code writes with is on the table as a tag, for whoever looks at it.
 */
import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GLOBAL_SECONDARY_INDEXES, INDEX_SHARDS, PARTITION_KEY, TABLE_SHAPE, TTL_ATTRIBUTE, type IndexDefinition, type KeyAttributeType } from '../../shared/store/table-definition.ts';

const attributeType = (type: KeyAttributeType): AttributeType => {
  switch (type) {
    case 'S':
      return AttributeType.STRING;
    case 'N':
      return AttributeType.NUMBER;
  }
};

export class AlertTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, `TableV${TABLE_SHAPE}`, {
      partitionKey: { name: PARTITION_KEY.name, type: attributeType(PARTITION_KEY.type) },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(this.table).add('sla-watch:index-shards', String(INDEX_SHARDS));
    for (const index of GLOBAL_SECONDARY_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
        sortKey: { name: index.sortKey.name, type: attributeType(index.sortKey.type) },
        ...(index.projection === 'ALL' || index.projection === 'KEYS_ONLY'
          ? { projectionType: index.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection.include] }),
      });
    }
  }

  /** The ARN of one index: Query permissions name the index they need, never `index/*`. */
  indexArn(index: IndexDefinition): string {
    return `${this.table.tableArn}/index/${index.indexName}`;
  }
}
