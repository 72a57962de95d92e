/**
 * Resource types whose removal or replacement can lose data: the resource holds data (rows, objects,
 * files, messages, secrets, log events, images, users) or, for a KMS key, makes other data readable.
 * CloudFormation deletes such a resource when a change removes it, and deletes the old one after a
 * replacement, unless its DeletionPolicy (on removal) or UpdateReplacePolicy (on replacement) keeps
 * it: DescribeChangeSet then says so in the change's PolicyAction.
 *
 * `source` is the page that documents what the resource holds and what deleting it does; the
 * DeletionPolicy page documents which types take a Snapshot policy (`snapshot: true`).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatereplacepolicy.html
 */
export interface StatefulType {
  readonly type: string;
  /** What is lost with the resource, in a few words for the report. */
  readonly holds: string;
  /** DeletionPolicy and UpdateReplacePolicy accept Snapshot for this type. */
  readonly snapshot?: boolean;
  readonly source: string;
}

const REF = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';

export const STATEFUL_TYPES: readonly StatefulType[] = [
  { type: 'AWS::RDS::DBInstance', holds: 'database', snapshot: true, source: `${REF}/aws-resource-rds-dbinstance.html` },
  { type: 'AWS::RDS::DBCluster', holds: 'database cluster', snapshot: true, source: `${REF}/aws-resource-rds-dbcluster.html` },
  { type: 'AWS::DynamoDB::Table', holds: 'table items', source: `${REF}/aws-resource-dynamodb-table.html` },
  { type: 'AWS::DynamoDB::GlobalTable', holds: 'table items in every replica Region', source: `${REF}/aws-resource-dynamodb-globaltable.html` },
  // CloudFormation cannot delete a bucket that still holds objects (the deletion fails), but a
  // replacement with a generated name leaves the data behind the old name, outside the stack.
  { type: 'AWS::S3::Bucket', holds: 'objects', source: `${REF}/aws-resource-s3-bucket.html` },
  { type: 'AWS::EFS::FileSystem', holds: 'files', source: `${REF}/aws-resource-efs-filesystem.html` },
  { type: 'AWS::FSx::FileSystem', holds: 'files', source: `${REF}/aws-resource-fsx-filesystem.html` },
  { type: 'AWS::FSx::Volume', holds: 'files', source: `${REF}/aws-resource-fsx-volume.html` },
  { type: 'AWS::EC2::Volume', holds: 'block storage', snapshot: true, source: `${REF}/aws-resource-ec2-volume.html` },
  // Deleting a key schedules its deletion (7–30 days); after that, what it encrypted cannot be decrypted.
  { type: 'AWS::KMS::Key', holds: 'the key to data encrypted under it', source: `${REF}/aws-resource-kms-key.html` },
  { type: 'AWS::Cognito::UserPool', holds: 'users and their passwords', source: `${REF}/aws-resource-cognito-userpool.html` },
  { type: 'AWS::Kinesis::Stream', holds: 'stream records', source: `${REF}/aws-resource-kinesis-stream.html` },
  { type: 'AWS::ElastiCache::CacheCluster', holds: 'cached data', snapshot: true, source: `${REF}/aws-resource-elasticache-cachecluster.html` },
  { type: 'AWS::ElastiCache::ReplicationGroup', holds: 'cached data', snapshot: true, source: `${REF}/aws-resource-elasticache-replicationgroup.html` },
  { type: 'AWS::ElastiCache::ServerlessCache', holds: 'cached data', source: `${REF}/aws-resource-elasticache-serverlesscache.html` },
  { type: 'AWS::OpenSearchService::Domain', holds: 'indexed documents', source: `${REF}/aws-resource-opensearchservice-domain.html` },
  { type: 'AWS::Elasticsearch::Domain', holds: 'indexed documents', source: `${REF}/aws-resource-elasticsearch-domain.html` },
  { type: 'AWS::Neptune::DBCluster', holds: 'graph database', snapshot: true, source: `${REF}/aws-resource-neptune-dbcluster.html` },
  { type: 'AWS::Neptune::DBInstance', holds: 'graph database instance', source: `${REF}/aws-resource-neptune-dbinstance.html` },
  { type: 'AWS::DocDB::DBCluster', holds: 'document database', source: `${REF}/aws-resource-docdb-dbcluster.html` },
  { type: 'AWS::DocDB::DBInstance', holds: 'document database instance', source: `${REF}/aws-resource-docdb-dbinstance.html` },
  { type: 'AWS::Redshift::Cluster', holds: 'data warehouse', snapshot: true, source: `${REF}/aws-resource-redshift-cluster.html` },
  { type: 'AWS::SQS::Queue', holds: 'queued messages', source: `${REF}/aws-resource-sqs-queue.html` },
  { type: 'AWS::Backup::BackupVault', holds: 'recovery points', source: `${REF}/aws-resource-backup-backupvault.html` },
  { type: 'AWS::ECR::Repository', holds: 'container images', source: `${REF}/aws-resource-ecr-repository.html` },
  { type: 'AWS::SecretsManager::Secret', holds: 'secret value', source: `${REF}/aws-resource-secretsmanager-secret.html` },
  { type: 'AWS::Logs::LogGroup', holds: 'log events', source: `${REF}/aws-resource-logs-loggroup.html` },
];

const BY_TYPE = new Map(STATEFUL_TYPES.map((entry) => [entry.type, entry]));

/** The table's entry for a resource type, if it holds data. */
export function statefulType(type: string | undefined): StatefulType | undefined {
  return type === undefined ? undefined : BY_TYPE.get(type);
}
