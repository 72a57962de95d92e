import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { PipelineIdentity } from '../cross-account/pipeline-identity';
import { registerReviewFunction, registeredReviewFunction } from '../cross-account/review-function-registry';
import { storeSharingNames } from '../cross-account/store-registry';
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
 * The change-set review function of a PipelineIdentity, one per app, shared by the review steps of
 * every pipeline of the identity: its role is named `<name>-change-set-review` (targets trust it by
 * name, before it exists), and IAM role names are unique in an account, so a second function would
 * fail at deploy. It lives in the identity's `CrossAccountArtifactStore` (beside the pipeline role),
 * or in the pipeline when no store is in the app. The bundled handler from `dist/lib/review-step`,
 * its own log group, and a role that may only assume the reviewer roles of the targets it reviews,
 * write its log, read its jobs (GetJobDetails) and report their results (which CodePipeline's Lambda
 * action grants). Job actions take no resource. It reads and writes artifacts with the job's own
 * artifact credentials, not its role.
 */
export class ChangeSetReviewFunction extends Construct {
  /**
   * The identity's review function, created on first use in the identity's artifact store (found in
   * `scope`'s app), or in `scope` (the pipeline construct) when the app has none.
   */
  public static of(scope: Construct, identity: PipelineIdentity): ChangeSetReviewFunction {
    const registered = registeredReviewFunction<ChangeSetReviewFunction>(scope, identity);
    if (registered !== undefined) {
      if (!registered.identity.equals(identity)) {
        throw new Error(`${scope.node.path}: a review step would create the change-set review function's role ${identity.reviewFunctionRoleName} in account ${identity.pipelineAccount} for PipelineIdentity "${identity.name}" in ${identity.region}, but ${registered.createdFor} already created it for PipelineIdentity "${registered.identity.name}" in ${registered.identity.region}; IAM role names are unique in an account, so the second fails at deploy. Give one of the two pipelines a PipelineIdentity with another name.`);
      }
      return registered.reviewFunction;
    }
    const created = new ChangeSetReviewFunction(storeOf(scope, identity) ?? scope, ID, identity);
    registerReviewFunction(scope, { identity, reviewFunction: created, createdFor: scope.node.path });
    return created;
  }

  /** The identity whose pipelines' review steps it runs. */
  public readonly identity: PipelineIdentity;
  public readonly function: lambda.Function;
  public readonly role: iam.Role;
  private readonly reviewerRoles = new Set<string>();

  private constructor(scope: Construct, id: string, identity: PipelineIdentity) {
    super(scope, id);
    this.identity = identity;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });
    this.role = new iam.Role(this, 'Role', {
      roleName: identity.reviewFunctionRoleName,
      description: `Runs the ${identity.name} pipeline's change-set review steps`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    // A log group's Arn attribute ends in `:*`: it covers the group's streams, which Lambda names.
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    // The function reads its job from CodePipeline rather than trust the invocation's event.
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['codepipeline:GetJobDetails'], resources: ['*'] }));
    this.function = new lambda.Function(this, 'Function', {
      description: `Reviews the change sets of the ${identity.name} pipelines before their approval`,
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
        reason: 'codepipeline:GetJobDetails (the function reads its job from CodePipeline instead of trusting the invocation), and PutJobSuccessResult and PutJobFailureResult, which CodePipeline\'s Lambda action grants: the Service Authorization Reference lists no resource type for these job actions, so they take only "*".',
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

/** The identity's own artifact store in `scope`'s app (the pipeline region's), if the app has one. */
function storeOf(scope: Construct, identity: PipelineIdentity): IConstruct | undefined {
  const store = storeSharingNames(scope, identity);
  if (store === undefined || !store.identity.equals(identity) || store.region !== identity.region) return undefined;
  let node: IConstruct | undefined = scope.node.root;
  for (const id of store.path.split('/')) node = node?.node.tryFindChild(id);
  return node;
}
