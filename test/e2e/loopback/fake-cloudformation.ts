import { ChangeInput } from '../../../lib/review/change-set-review';
import { AwsQueryError, QueryService, XmlNode } from './aws-query-server';

/** A change set as the fake keeps it: DescribeChangeSet's header fields and every change. */
export interface FakeChangeSet {
  readonly account: string;
  readonly region: string;
  readonly stackName: string;
  readonly changeSetName: string;
  readonly status: string;
  readonly executionStatus: string;
  readonly statusReason?: string;
  readonly changes: readonly ChangeInput[];
}

/**
 * CloudFormation's DescribeChangeSet and STS's AssumeRole behind the query endpoint. A change set
 * is found by the account of the caller's key (each assumed role's session key names its account),
 * the Region of the signature, the stack and the change set's name; its changes come `pageSize` at
 * a time with an opaque NextToken.
 */
export class FakeCloudFormation {
  readonly changeSets: FakeChangeSet[] = [];
  /** Access key ID → account: the caller's own key, and each session AssumeRole handed out. */
  readonly accountOfKey = new Map<string, string>();
  /** Roles that may be assumed, by ARN. */
  readonly roles = new Set<string>();

  constructor(
    callerKey: string,
    callerAccount: string,
    private readonly pageSize = 100,
  ) {
    this.accountOfKey.set(callerKey, callerAccount);
  }

  add(changeSet: FakeChangeSet): this {
    this.changeSets.push(changeSet);
    return this;
  }

  services(recorded: () => { accessKeyId: string; region: string }): QueryService[] {
    const cloudFormation: QueryService = {
      signingName: 'cloudformation',
      version: '2010-05-15',
      xmlns: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
      handlers: {
        DescribeChangeSet: (params) => {
          const { accessKeyId, region } = recorded();
          const account = this.accountOfKey.get(accessKeyId);
          if (!account) throw new AwsQueryError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
          const name = params.get('ChangeSetName') ?? '';
          const found = this.changeSets.find(
            (c) => c.account === account && c.region === region && c.stackName === params.get('StackName') && c.changeSetName === name,
          );
          if (!found) throw new AwsQueryError('ChangeSetNotFound', `ChangeSet [${name}] does not exist`, 404);
          const start = Number(params.get('NextToken')?.replace(/^page-/, '') ?? 0);
          const end = start + this.pageSize;
          return describeChangeSetResult(found, start, end);
        },
      },
    };
    const sts: QueryService = {
      signingName: 'sts',
      version: '2011-06-15',
      xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
      handlers: {
        AssumeRole: (params) => {
          const roleArn = params.get('RoleArn') ?? '';
          const session = params.get('RoleSessionName') ?? '';
          if (!this.roles.has(roleArn)) throw new AwsQueryError('AccessDenied', `User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
          const account = roleArn.split(':')[4];
          const key = `ASIA${account}${this.accountOfKey.size}`;
          this.accountOfKey.set(key, account);
          return {
            Credentials: {
              AccessKeyId: key,
              SecretAccessKey: `session-secret-${account}`,
              SessionToken: `session-token-${account}`,
              Expiration: new Date(Date.now() + Number(params.get('DurationSeconds') ?? 3600) * 1000),
            },
            AssumedRoleUser: { AssumedRoleId: `AROA${account}EXAMPLE:${session}`, Arn: `arn:aws:sts::${account}:assumed-role/${roleArn.split('/').pop()}/${session}` },
          };
        },
      },
    };
    return [cloudFormation, sts];
  }
}

function describeChangeSetResult(c: FakeChangeSet, start: number, end: number): XmlNode {
  const stackId = `arn:aws:cloudformation:${c.region}:${c.account}:stack/${c.stackName}/5b8f1e20-2c1a-11f0-9a4e-0a1b2c3d4e5f`;
  return {
    ChangeSetName: c.changeSetName,
    ChangeSetId: `arn:aws:cloudformation:${c.region}:${c.account}:changeSet/${c.changeSetName}/7c2d9a10-2c1b-11f0-8f3b-06d1e2f3a4b5`,
    StackId: stackId,
    StackName: c.stackName,
    Parameters: [{ ParameterKey: 'DatabaseInstanceClass', ParameterValue: 'db.r6g.large' }],
    CreationTime: new Date(Date.UTC(2025, 2, 1, 10, 0, 0)),
    ExecutionStatus: c.executionStatus,
    Status: c.status,
    StatusReason: c.statusReason,
    NotificationARNs: [],
    Capabilities: ['CAPABILITY_IAM'],
    Tags: [],
    Changes: c.changes.slice(start, end).map((change) => change as XmlNode),
    IncludeNestedStacks: false,
    NextToken: end < c.changes.length ? `page-${end}` : undefined,
  };
}
