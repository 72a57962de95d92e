import { ChangeInput, ChangeSetInput } from '../../lib/review/change-set-review';

/**
 * DescribeChangeSet answers written from the API reference's response shape: a release of an
 * application stack that replaces its database (a new engine version needing replacement), adds an
 * IAM role and a bucket policy, removes a queue, and modifies a nested stack.
 */
export const STACK_ID = 'arn:aws:cloudformation:eu-west-1:333333333333:stack/app-prod/5b8f1e20-2c1a-11f0-9a4e-0a1b2c3d4e5f';
export const CHANGE_SET_ID = 'arn:aws:cloudformation:eu-west-1:333333333333:changeSet/release/7c2d9a10-2c1b-11f0-8f3b-06d1e2f3a4b5';

export const databaseReplaced: ChangeInput = {
  Type: 'Resource',
  ResourceChange: {
    Action: 'Modify',
    LogicalResourceId: 'Database',
    PhysicalResourceId: 'app-prod-database-1x2y3z4w5v6u',
    ResourceType: 'AWS::RDS::DBInstance',
    Replacement: 'True',
    PolicyAction: 'ReplaceAndDelete',
    Scope: ['Properties'],
    Details: [
      {
        Target: { Attribute: 'Properties', Name: 'DBInstanceIdentifier', RequiresRecreation: 'Always', AttributeChangeType: 'Modify' },
        Evaluation: 'Static',
        ChangeSource: 'DirectModification',
      },
      {
        Target: { Attribute: 'Properties', Name: 'DBInstanceClass', RequiresRecreation: 'Conditionally', AttributeChangeType: 'Modify' },
        Evaluation: 'Static',
        ChangeSource: 'DirectModification',
      },
      {
        Target: { Attribute: 'Properties', Name: 'DBInstanceClass', RequiresRecreation: 'Conditionally', AttributeChangeType: 'Modify' },
        Evaluation: 'Dynamic',
        ChangeSource: 'ParameterReference',
        CausingEntity: 'DatabaseInstanceClass',
      },
    ],
  },
};

export const roleAdded: ChangeInput = {
  Type: 'Resource',
  ResourceChange: { Action: 'Add', LogicalResourceId: 'ReportsRole', ResourceType: 'AWS::IAM::Role', Scope: [], Details: [] },
};

export const bucketPolicyModified: ChangeInput = {
  Type: 'Resource',
  ResourceChange: {
    Action: 'Modify',
    LogicalResourceId: 'UploadsBucketPolicy',
    PhysicalResourceId: 'app-prod-UploadsBucketPolicy-9QW8E7R6T5Y4',
    ResourceType: 'AWS::S3::BucketPolicy',
    Replacement: 'False',
    Scope: ['Properties'],
    Details: [{ Target: { Attribute: 'Properties', Name: 'PolicyDocument', RequiresRecreation: 'Never', AttributeChangeType: 'Modify' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }],
  },
};

export const queueRemoved: ChangeInput = {
  Type: 'Resource',
  ResourceChange: {
    Action: 'Remove',
    LogicalResourceId: 'ExportQueue',
    PhysicalResourceId: 'https://sqs.eu-west-1.amazonaws.com/333333333333/app-prod-ExportQueue-Zx1Cv2Bn3M',
    ResourceType: 'AWS::SQS::Queue',
    PolicyAction: 'Delete',
    Scope: [],
    Details: [],
  },
};

export const nestedStackModified: ChangeInput = {
  Type: 'Resource',
  ResourceChange: {
    Action: 'Modify',
    LogicalResourceId: 'NetworkStack',
    PhysicalResourceId: 'arn:aws:cloudformation:eu-west-1:333333333333:stack/app-prod-NetworkStack-1A2B3C4D5E6F/0f9e8d70-2c1a-11f0-a1b2-0c0d0e0f1a2b',
    ResourceType: 'AWS::CloudFormation::Stack',
    Replacement: 'False',
    ChangeSetId: 'arn:aws:cloudformation:eu-west-1:333333333333:changeSet/release-NetworkStack-1XYZ/1e2f3a40-2c1b-11f0-b5c6-0d7e8f9a0b1c',
    Scope: ['Properties'],
    Details: [{ Target: { Attribute: 'Properties', Name: 'TemplateURL', RequiresRecreation: 'Never', AttributeChangeType: 'Modify' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }],
  },
};

/** A ready change set with the five changes above. */
export function releaseChangeSet(changes: ChangeInput[] = [databaseReplaced, roleAdded, bucketPolicyModified, queueRemoved, nestedStackModified]): ChangeSetInput {
  return {
    StackName: 'app-prod',
    StackId: STACK_ID,
    ChangeSetName: 'release',
    ChangeSetId: CHANGE_SET_ID,
    Status: 'CREATE_COMPLETE',
    ExecutionStatus: 'AVAILABLE',
    Changes: changes,
  } as ChangeSetInput;
}

/** CloudFormation's answer for a change set that would change nothing. */
export const noChangesChangeSet: ChangeSetInput = {
  StackName: 'app-prod',
  ChangeSetName: 'release',
  ChangeSetId: CHANGE_SET_ID,
  Status: 'FAILED',
  StatusReason: "The submitted information didn't contain changes. Submit different information to create a change set.",
  ExecutionStatus: 'UNAVAILABLE',
  Changes: [],
};
