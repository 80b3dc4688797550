/**
 * The one DynamoDB table, built from shared/store/table-definition.ts (the local bootstrap
 * creates the same keys and indexes from the same constants): on demand, point-in-time
 * recovery, TTL on resolved alerts, retained when the stack is deleted (it holds the SLA history).
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GLOBAL_SECONDARY_INDEXES, PARTITION_KEY, TTL_ATTRIBUTE, type IndexDefinition, type KeyAttributeType } from '../../shared/store/table-definition.ts';

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
    this.table = new Table(this, 'Table', {
      partitionKey: { name: PARTITION_KEY.name, type: attributeType(PARTITION_KEY.type) },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
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
