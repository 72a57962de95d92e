import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PipelineIdentity } from '../cross-account/pipeline-identity';
import { reviewHandlerFolder } from '../review/step/handler-asset';

const ID = 'ChangeSetReview';

/**
 * How long one review may take: assuming the role, a few pages of DescribeChangeSet (100 changes
 * each), the report and the result take seconds; the rest is for a change set CloudFormation is
 * still creating. The function reports a failure itself 10 seconds before this.
 */
export const REVIEW_FUNCTION_TIMEOUT = Duration.minutes(2);
/** Memory for the function: the bundled SDK clients use about 80 MB. */
export const REVIEW_FUNCTION_MEMORY_MB = 256;

/**
 * The pipeline's change-set review function, one per pipeline, shared by every review step: the
 * bundled handler from `dist/lib/review-step`, its own log group, and a role named
 * `<name>-change-set-review` (targets trust it by name, before it exists) that may only assume the
 * reviewer roles of the targets it reviews, write its log, and report job results (which
 * CodePipeline's Lambda action grants; they take no resource). It reads and writes artifacts with
 * the job's own artifact credentials, not its role.
 */
export class ChangeSetReviewFunction extends Construct {
  /** The pipeline's review function, created on first use under `scope` (the pipeline construct). */
  public static of(scope: Construct, identity: PipelineIdentity): ChangeSetReviewFunction {
    const existing = scope.node.tryFindChild(ID) as ChangeSetReviewFunction | undefined;
    if (existing === undefined) return new ChangeSetReviewFunction(scope, ID, identity);
    if (!existing.identity.equals(identity)) {
      throw new Error(`${scope.node.path}: review steps read change sets of targets of two pipeline identities ("${existing.identity.name}" and "${identity.name}"); one pipeline's targets share its PipelineIdentity.`);
    }
    return existing;
  }

  public readonly function: lambda.Function;
  public readonly role: iam.Role;
  private readonly reviewerRoles = new Set<string>();

  private constructor(scope: Construct, id: string, private readonly identity: PipelineIdentity) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });
    this.role = new iam.Role(this, 'Role', {
      roleName: identity.reviewFunctionRoleName,
      description: `Runs the ${identity.name} pipeline's change-set review steps`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    // A log group's Arn attribute ends in `:*`: it covers the group's streams, which Lambda names.
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    this.function = new lambda.Function(this, 'Function', {
      description: `Reviews the change sets of the ${identity.name} pipeline before their approval`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(reviewHandlerFolder()),
      memorySize: REVIEW_FUNCTION_MEMORY_MB,
      timeout: REVIEW_FUNCTION_TIMEOUT,
      role: this.role,
      logGroup,
    });
    const policy = this.role.node.findChild('DefaultPolicy');
    Validations.of(policy).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'codepipeline:PutJobSuccessResult and PutJobFailureResult, which CodePipeline\'s Lambda action grants: the Service Authorization Reference lists no resource type for them, so they take only "*".',
      },
    );
  }

  /** Lets the function assume a target's reviewer role. */
  public allowReviewerRole(roleArn: string): void {
    if (this.reviewerRoles.has(roleArn)) return;
    this.reviewerRoles.add(roleArn);
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [roleArn] }));
  }
}
