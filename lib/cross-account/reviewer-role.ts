import { Lazy, Token, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DirectRole, allowStatement } from './direct-role';
import { PipelineIdentity } from './pipeline-identity';

/**
 * The calls a reviewer makes, all on the stack's ARN: the Service Authorization Reference gives the
 * `stack` resource type for each (DescribeChangeSet with the `cloudformation:ChangeSetName` key).
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html
 */
export const REVIEW_STACK_ACTIONS = ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate', 'cloudformation:ListChangeSets'];
export const REVIEW_CHANGE_SET_ACTION = 'cloudformation:DescribeChangeSet';

/** An IAM role or user by ARN; names may hold IAM's `*` and `?` wildcards. */
const PRINCIPAL_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):(role\/.+|user\/.+)$/;
/** An account's root ARN, which `aws:PrincipalArn` matches for the root user alone. */
const ROOT_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):root$/;

/**
 * Props for `ReviewerRole`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export interface ReviewerRoleProps {
  readonly identity: PipelineIdentity;
  /**
   * `identity.reviewRoleNameIn(region)`: `<name>-review`, with `-<region>` outside the pipeline's region.
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
   */
  readonly roleName: string;
  /** The stack ARN pattern of a stack name in the target's account and region. */
  readonly stackArn: (stackName: string) => string;
  /** For error messages: `DeploymentTarget Prod`. */
  readonly where: string;
}

/**
 * A target's read-only role for reviewing what the pipeline is about to change: it reads the stacks
 * the target allows (DescribeStacks, GetTemplate, ListChangeSets) and their allowed change sets
 * (DescribeChangeSet), and nothing else. Trusted by the principals granted review, through the
 * account root and an `aws:PrincipalArn` condition, as the action role trusts the pipeline role: IAM
 * rejects a trust policy naming a principal that does not exist yet.
 */
export class ReviewerRole extends Construct {
  private readonly role: DirectRole;
  private readonly principals = new Map<string, string>();

  constructor(scope: Construct, id: string, private readonly props: ReviewerRoleProps) {
    super(scope, id);
    this.role = new DirectRole(this, 'Role', {
      roleName: props.roleName,
      description: `Reads the stacks and change sets the ${props.identity.name} pipeline deploys in this account, for review before approval`,
      trust: {
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:PrincipalArn': Lazy.list({ produce: () => [...this.principals.keys()] }) } },
        Effect: 'Allow',
        Principal: { AWS: Lazy.list({ produce: () => [...new Set(this.principals.values())] }) },
      },
    });
  }

  /**
   * Trusts `principalArn` (checked: a literal IAM role or user ARN of the identity's partition). An
   * account root ARN is refused: in `aws:PrincipalArn` it matches the root user only, so granting it
   * would not admit the account's roles, as a reader of `grantReview(root)` would expect.
   */
  public trust(principalArn: string, method: string): void {
    if (Token.isUnresolved(principalArn)) {
      throw new Error(`${this.props.where}.${method}: the principal ARN is a token; it must be a literal ARN (arn:aws:iam::111111111111:role/Reviewer), because the trust policy is written in another account's stack, where references to this app's resources do not resolve.`);
    }
    const root = ROOT_ARN.exec(principalArn);
    if (root) {
      const roles = `arn:${root[1]}:iam::${root[2]}:role`;
      throw new Error(`${this.props.where}.${method}: "${principalArn}" is the account's root: the reviewer role's trust matches aws:PrincipalArn, which for a root ARN is the root user alone, never the account's roles or users. ` +
        `Name the roles to admit (${roles}/Release-Approvers, or a pattern such as ${roles}/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Release_*), or ${roles}/* to admit every role of account ${root[2]}, present and future.`);
    }
    const match = PRINCIPAL_ARN.exec(principalArn);
    if (!match) {
      throw new Error(`${this.props.where}.${method}: "${principalArn}" is not the ARN of an IAM role or user with a 12-digit account (e.g. arn:aws:iam::111111111111:role/Reviewer).`);
    }
    if (match[1] !== this.props.identity.partition) {
      throw new Error(`${this.props.where}.${method}: "${principalArn}" is in partition ${match[1]}, not the pipeline's partition ${this.props.identity.partition}.`);
    }
    const partition = this.props.identity.partition;
    this.principals.set(principalArn, `arn:${partition}:iam::${match[2]}:root`);
  }

  /**
   * Lets the role read `stackName`, and with `changeSetName` that change set: StringEquals, not the
   * action role's IfExists, since a reviewer always names the change set (with the stack), so a call
   * that does not is refused.
   */
  public allowStack(stackName: string, changeSetName?: string): void {
    const stackArn = this.props.stackArn(stackName);
    this.role.addStatement(allowStatement(REVIEW_STACK_ACTIONS, [stackArn]));
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${stackArn}]`,
      reason: 'The stack is named exactly; the trailing * is the stack ID CloudFormation assigns when it creates the stack, so it cannot be written in advance.',
    });
    if (changeSetName !== undefined) {
      this.role.addStatement(allowStatement([REVIEW_CHANGE_SET_ACTION], [stackArn], { StringEquals: { 'cloudformation:ChangeSetName': changeSetName } }));
    }
  }
}
