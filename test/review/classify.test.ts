import { reviewChange, reviewChangeSet } from '../../lib/review/classify';
import { ResourceChangeInput, propertyText } from '../../lib/review/change-set-review';
import { PERMISSION_TYPES } from '../../lib/review/permission-types';
import { STATEFUL_TYPES } from '../../lib/review/stateful-types';
import { bucketPolicyModified, databaseReplaced, nestedStackModified, noChangesChangeSet, queueRemoved, releaseChangeSet, roleAdded } from './change-set-fixtures';

const change = (c: ResourceChangeInput) => reviewChange(c);

describe('data-loss', () => {
  test('a replaced database: flagged, with each changed property once at its strongest recreation', () => {
    expect(reviewChange(databaseReplaced.ResourceChange!)).toEqual({
      action: 'Modify',
      logicalId: 'Database',
      physicalId: 'app-prod-database-1x2y3z4w5v6u',
      resourceType: 'AWS::RDS::DBInstance',
      replacement: 'True',
      policyAction: 'ReplaceAndDelete',
      changedProperties: [
        { name: 'DBInstanceIdentifier', requiresRecreation: 'Always', evaluation: 'Static' },
        { name: 'DBInstanceClass', requiresRecreation: 'Conditionally', evaluation: 'Static' },
      ],
      flags: [{ flag: 'data-loss', reason: 'database, replaced' }],
    });
  });

  test('a removed queue: flagged', () => {
    expect(reviewChange(queueRemoved.ResourceChange!).flags).toEqual([{ flag: 'data-loss', reason: 'queued messages, removed' }]);
  });

  test('a conditional replacement is flagged as possible', () => {
    expect(change({ Action: 'Modify', LogicalResourceId: 'Table', ResourceType: 'AWS::DynamoDB::Table', Replacement: 'Conditional' }).flags).toEqual([
      { flag: 'data-loss', reason: 'table items, may be replaced' },
    ]);
  });

  test('a Snapshot policy keeps the flag and says so; Retain and ReplaceAndRetain keep the resource: no flag', () => {
    expect(change({ Action: 'Remove', LogicalResourceId: 'Cluster', ResourceType: 'AWS::RDS::DBCluster', PolicyAction: 'Snapshot' }).flags).toEqual([
      { flag: 'data-loss', reason: 'database cluster, removed, snapshot taken first' },
    ]);
    expect(change({ Action: 'Remove', LogicalResourceId: 'Bucket', ResourceType: 'AWS::S3::Bucket', PolicyAction: 'Retain' }).flags).toEqual([]);
    expect(change({ Action: 'Modify', LogicalResourceId: 'Bucket', ResourceType: 'AWS::S3::Bucket', Replacement: 'True', PolicyAction: 'ReplaceAndRetain' }).flags).toEqual([]);
  });

  test('a stateful resource modified in place, added or imported is not flagged', () => {
    for (const c of [
      { Action: 'Modify', Replacement: 'False' },
      { Action: 'Add' },
      { Action: 'Import' },
    ]) {
      expect(change({ ...c, LogicalResourceId: 'Table', ResourceType: 'AWS::DynamoDB::Table' }).flags).toEqual([]);
    }
  });

  test('a stateless resource removed or replaced is not flagged', () => {
    expect(change({ Action: 'Remove', LogicalResourceId: 'Fn', ResourceType: 'AWS::Lambda::Function' }).flags).toEqual([]);
    expect(change({ Action: 'Modify', LogicalResourceId: 'Fn', ResourceType: 'AWS::Lambda::Function', Replacement: 'True' }).flags).toEqual([]);
  });

  test('a Dynamic change that may replace a stateful resource is flagged', () => {
    expect(change({ Action: 'Dynamic', LogicalResourceId: 'Logs', ResourceType: 'AWS::Logs::LogGroup', Replacement: 'Conditional' }).flags).toEqual([
      { flag: 'data-loss', reason: 'log events, may be replaced' },
    ]);
  });

  test('every entry of the table names its source page', () => {
    for (const entry of STATEFUL_TYPES) expect(entry.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-[a-z0-9-]+\.html$/);
    expect(new Set(STATEFUL_TYPES.map((e) => e.type)).size).toBe(STATEFUL_TYPES.length);
  });
});

describe('permissions', () => {
  test('an added IAM role and a modified bucket policy', () => {
    expect(reviewChange(roleAdded.ResourceChange!).flags).toEqual([{ flag: 'permissions', reason: 'IAM role' }]);
    expect(reviewChange(bucketPolicyModified.ResourceChange!)).toEqual({
      action: 'Modify',
      logicalId: 'UploadsBucketPolicy',
      physicalId: 'app-prod-UploadsBucketPolicy-9QW8E7R6T5Y4',
      resourceType: 'AWS::S3::BucketPolicy',
      replacement: 'False',
      changedProperties: [{ name: 'PolicyDocument', requiresRecreation: 'Never', evaluation: 'Static' }],
      flags: [{ flag: 'permissions', reason: 'bucket policy' }],
    });
  });

  test('security group rules, topic and queue policies, Lambda permissions: any action', () => {
    const types: Record<string, string> = {
      'AWS::EC2::SecurityGroupIngress': 'security group ingress rule',
      'AWS::EC2::SecurityGroupEgress': 'security group egress rule',
      'AWS::EC2::SecurityGroup': 'security group rules',
      'AWS::SNS::TopicPolicy': 'topic policy',
      'AWS::SQS::QueuePolicy': 'queue policy',
      'AWS::Lambda::Permission': 'function resource policy',
      'AWS::IAM::ManagedPolicy': 'IAM managed policy',
      'AWS::IAM::Policy': 'IAM inline policy',
      'AWS::IAM::User': 'IAM user',
      'AWS::IAM::Group': 'IAM group',
      'AWS::IAM::InstanceProfile': 'IAM instance profile',
    };
    for (const [type, reason] of Object.entries(types)) {
      for (const action of ['Add', 'Modify', 'Remove']) {
        expect(change({ Action: action, LogicalResourceId: 'X', ResourceType: type }).flags).toEqual([{ flag: 'permissions', reason }]);
      }
    }
  });

  test('a KMS key: its key policy changing is a permission change; its description changing is not', () => {
    const key = (property: string) =>
      change({ Action: 'Modify', LogicalResourceId: 'Key', ResourceType: 'AWS::KMS::Key', Replacement: 'False', Details: [{ Target: { Attribute: 'Properties', Name: property, RequiresRecreation: 'Never' }, Evaluation: 'Static' }] });
    expect(key('KeyPolicy').flags).toEqual([{ flag: 'permissions', reason: 'key policy (KeyPolicy)' }]);
    expect(key('Description').flags).toEqual([]);
    // Every key has a key policy: a new key brings one, a removed key takes it away (and its data).
    expect(change({ Action: 'Add', LogicalResourceId: 'Key', ResourceType: 'AWS::KMS::Key' }).flags).toEqual([{ flag: 'permissions', reason: 'key policy (KeyPolicy)' }]);
    expect(change({ Action: 'Remove', LogicalResourceId: 'Key', ResourceType: 'AWS::KMS::Key' }).flags).toEqual([
      { flag: 'data-loss', reason: 'the key to data encrypted under it, removed' },
      { flag: 'permissions', reason: 'key policy (KeyPolicy)' },
    ]);
  });

  test('an ECR repository added with a repository policy (shown by its property values) is a permission change; without one it is not', () => {
    const repo = (after?: string) => change({ Action: 'Add', LogicalResourceId: 'Repo', ResourceType: 'AWS::ECR::Repository', AfterContext: after });
    expect(repo(JSON.stringify({ Properties: { RepositoryPolicyText: { Statement: [] } } })).flags).toEqual([
      { flag: 'permissions', reason: 'repository policy (RepositoryPolicyText)' },
    ]);
    expect(repo(JSON.stringify({ Properties: { RepositoryName: 'app' } })).flags).toEqual([]);
  });

  test('an Add, Remove or Import of a type whose policy is a property, without property values (as the review reads change sets): flagged as not known', () => {
    const cases: [string, string, string][] = [
      ['AWS::ECR::Repository', 'Add', 'repository policy (RepositoryPolicyText): may be set, property values are not read'],
      ['AWS::ApiGateway::RestApi', 'Add', 'API resource policy (Policy): may be set, property values are not read'],
      ['AWS::S3::AccessPoint', 'Remove', 'access point policy (Policy): may be set, property values are not read'],
      ['AWS::OpenSearchService::Domain', 'Import', 'domain access policy (AccessPolicies): may be set, property values are not read'],
      ['AWS::Elasticsearch::Domain', 'Add', 'domain access policy (AccessPolicies): may be set, property values are not read'],
    ];
    for (const [type, action, reason] of cases) {
      expect(change({ Action: action, LogicalResourceId: 'X', ResourceType: type }).flags.filter((f) => f.flag === 'permissions')).toEqual([{ flag: 'permissions', reason }]);
    }
    // Property values that cannot be read are not known either.
    expect(change({ Action: 'Add', LogicalResourceId: 'Repo', ResourceType: 'AWS::ECR::Repository', AfterContext: 'not json' }).flags).toEqual([
      { flag: 'permissions', reason: 'repository policy (RepositoryPolicyText): may be set, property values are not read' },
    ]);
    // A Remove is judged by the values before it: here they show no policy.
    expect(change({ Action: 'Remove', LogicalResourceId: 'Api', ResourceType: 'AWS::ApiGateway::RestApi', BeforeContext: JSON.stringify({ Properties: { Name: 'api' } }), AfterContext: undefined }).flags).toEqual([]);
  });

  test('SyncWithActual changes only CloudFormation metadata: not a permission change', () => {
    expect(change({ Action: 'SyncWithActual', LogicalResourceId: 'Role', ResourceType: 'AWS::IAM::Role' }).flags).toEqual([]);
  });

  test('every entry of the table names its source page, once', () => {
    for (const entry of PERMISSION_TYPES) expect(entry.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-[a-z0-9-]+\.html$/);
    expect(new Set(PERMISSION_TYPES.map((e) => e.type)).size).toBe(PERMISSION_TYPES.length);
  });
});

describe('nested stacks and other attributes', () => {
  test('a nested stack: flagged, with the change set that holds its changes', () => {
    expect(reviewChange(nestedStackModified.ResourceChange!)).toEqual({
      action: 'Modify',
      logicalId: 'NetworkStack',
      physicalId: nestedStackModified.ResourceChange!.PhysicalResourceId,
      resourceType: 'AWS::CloudFormation::Stack',
      replacement: 'False',
      changedProperties: [{ name: 'TemplateURL', requiresRecreation: 'Never', evaluation: 'Static' }],
      flags: [{ flag: 'nested-stack', reason: 'its changes are in its own change set' }],
      nestedChangeSetId: nestedStackModified.ResourceChange!.ChangeSetId,
    });
    expect(change({ Action: 'Add', LogicalResourceId: 'Child', ResourceType: 'AWS::CloudFormation::Stack' }).flags).toEqual([
      { flag: 'nested-stack', reason: 'its changes are not listed here' },
    ]);
  });

  test('an Import, and attributes other than properties (Tags, Metadata) named by attribute', () => {
    expect(
      change({
        Action: 'Import',
        LogicalResourceId: 'Fn',
        ResourceType: 'AWS::Lambda::Function',
        Details: [
          { Target: { Attribute: 'Tags', RequiresRecreation: 'Never' }, Evaluation: 'Static' },
          { Target: { Attribute: 'Metadata', RequiresRecreation: 'Never' }, Evaluation: 'Static' },
          { Target: { Attribute: 'Properties', Name: 'MemorySize', RequiresRecreation: 'Never' }, Evaluation: 'Dynamic' },
          { Target: { Attribute: 'Properties', Name: 'MemorySize', RequiresRecreation: 'Never' }, Evaluation: 'Static' },
        ],
      }),
    ).toEqual({
      action: 'Import',
      logicalId: 'Fn',
      resourceType: 'AWS::Lambda::Function',
      changedProperties: [
        { name: 'Tags', requiresRecreation: 'Never', evaluation: 'Static' },
        { name: 'Metadata', requiresRecreation: 'Never', evaluation: 'Static' },
        { name: 'MemorySize', requiresRecreation: 'Never', evaluation: 'Static' },
      ],
      flags: [],
    });
  });
});

describe('the whole change set', () => {
  test('counts per action and per flag, in the order met', () => {
    const review = reviewChangeSet(releaseChangeSet());
    expect(review.meaning).toEqual({ state: 'ready', text: 'ready to execute' });
    expect(review.actionCounts).toEqual({ Modify: 3, Add: 1, Remove: 1 });
    expect(Object.keys(review.actionCounts)).toEqual(['Modify', 'Add', 'Remove']);
    expect(review.flagCounts).toEqual({ 'data-loss': 2, 'permissions': 2, 'nested-stack': 1 });
    expect(review.changes.map((c) => c.logicalId)).toEqual(['Database', 'ReportsRole', 'UploadsBucketPolicy', 'ExportQueue', 'NetworkStack']);
    expect(review).toMatchObject({ stackName: 'app-prod', changeSetName: 'release', status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE' });
  });

  test('"didn\'t contain changes" means no changes', () => {
    expect(reviewChangeSet(noChangesChangeSet)).toEqual({
      stackName: 'app-prod',
      changeSetName: 'release',
      changeSetId: noChangesChangeSet.ChangeSetId,
      status: 'FAILED',
      statusReason: noChangesChangeSet.StatusReason,
      executionStatus: 'UNAVAILABLE',
      meaning: { state: 'no-changes', text: 'no changes: the template and parameters match the deployed stack' },
      changes: [],
      flagCounts: { 'data-loss': 0, 'permissions': 0, 'nested-stack': 0 },
      actionCounts: {},
    });
  });
});

describe('propertyText: a changed property as the terminal table and the step\'s report show it', () => {
  test('always recreated: "(replaces)"; possibly: "(may replace)"; otherwise the name alone', () => {
    expect(propertyText({ name: 'Engine', requiresRecreation: 'Always' })).toBe('Engine (replaces)');
    expect(propertyText({ name: 'Size', requiresRecreation: 'Conditionally' })).toBe('Size (may replace)');
    expect(propertyText({ name: 'Tags', requiresRecreation: 'Never' })).toBe('Tags');
    expect(propertyText({ name: 'Metadata' })).toBe('Metadata');
  });
});
