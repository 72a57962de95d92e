import { Stack, Token } from 'aws-cdk-lib';
import * as codecommit from 'aws-cdk-lib/aws-codecommit';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeS3SourceGrants } from './source-evidence';
import { SourceTrigger, validateSourceTrigger } from './source-trigger';
import { bucketVersioning } from '../model/bucket-versioning';

/** Names every source shares. */
export interface ReleaseSourceNames {
  /**
   * The name of the source's output artifact, which stages read their template from.
   * @default 'TemplateSource'
   */
  readonly outputName?: string;
  /**
   * The source action's name.
   * @default 'TemplateSource'
   */
  readonly actionName?: string;
  /**
   * The source stage's name.
   * @default 'S3Source' for an S3 source, 'Source' otherwise
   */
  readonly stageName?: string;
}

export interface S3ReleaseSourceProps extends ReleaseSourceNames {
  /**
   * The versioned bucket holding the source object, in the pipeline's account and region. A bucket
   * defined in the app without versioning is a synth error.
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3.html
   */
  readonly bucket: s3.IBucket;
  /** The object's key, e.g. `wordpress.zip` (a zip of the template and its configuration files). */
  readonly key: string;
  /**
   * How a new object version starts the pipeline.
   * @default S3Trigger.POLL - aws-cdk-lib's default; use EVENTS with a CloudTrail trail for faster starts
   */
  readonly trigger?: codepipeline_actions.S3Trigger;
}

export interface CodeCommitReleaseSourceProps extends ReleaseSourceNames {
  /**
   * The repository.
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html
   */
  readonly repository: codecommit.IRepository;
  /**
   * The branch whose commits start the pipeline.
   * @default 'master' - aws-cdk-lib's default
   */
  readonly branch?: string;
}

export interface ConnectionReleaseSourceProps extends ReleaseSourceNames {
  /**
   * The ARN of the CodeStar (CodeConnections) connection to GitHub, Bitbucket or GitLab.
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html
   */
  readonly connectionArn: string;
  /** The repository's owner (user or organization). */
  readonly owner: string;
  /** The repository's name. */
  readonly repo: string;
  /**
   * The branch whose commits start the pipeline.
   * @default 'master' - aws-cdk-lib's default
   */
  readonly branch?: string;
  /**
   * The pushes and pull requests that start the pipeline (a V2 pipeline trigger with Git filters),
   * e.g. `{ push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['templates/**'] } }] }`.
   * The source still checks out `branch`.
   * @default - every push to `branch` starts the pipeline
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-triggers.html
   */
  readonly trigger?: SourceTrigger;
}

/**
 * Where a ReleasePipeline's template comes from: an object in a versioned S3 bucket, a CodeCommit
 * branch, or a repository behind a CodeStar connection. `output` is the artifact to read files from,
 * e.g. in `ParameterOverride.param(source.output, 'config.json', 'Key')`.
 */
export abstract class ReleaseSource {
  /** An object in a versioned S3 bucket (the walkthrough's source). */
  public static s3(props: S3ReleaseSourceProps): ReleaseSource {
    return new S3ReleaseSource(props);
  }

  /** A branch of a CodeCommit repository. */
  public static codeCommit(props: CodeCommitReleaseSourceProps): ReleaseSource {
    return new CodeCommitReleaseSource(props);
  }

  /** A branch of a GitHub (or Bitbucket, GitLab) repository, through a CodeStar connection. */
  public static connection(props: ConnectionReleaseSourceProps): ReleaseSource {
    return new ConnectionReleaseSource(props);
  }

  /** The artifact the source produces. */
  public readonly output: codepipeline.Artifact;
  /** The source stage's name. */
  public readonly stageName: string;
  protected readonly actionName: string;

  protected constructor(names: ReleaseSourceNames, defaultStageName: string) {
    this.output = new codepipeline.Artifact(names.outputName ?? 'TemplateSource');
    this.actionName = names.actionName ?? 'TemplateSource';
    this.stageName = names.stageName ?? defaultStageName;
  }

  /** The Git events that start the pipeline, for a connection source given a `trigger`. */
  public get gitTrigger(): SourceTrigger | undefined {
    return undefined;
  }

  /** The source action; `scope` is the pipeline, for checks that need the app. */
  public abstract bind(scope: Construct): codepipeline.IAction;

  /** Called once the source stage exists, with its construct and the pipeline's artifact bucket. */
  public bound(_sourceStage: IConstruct, _artifactBucket: s3.IBucket): void {}
}

class S3ReleaseSource extends ReleaseSource {
  constructor(private readonly props: S3ReleaseSourceProps) {
    super(props, 'S3Source');
    if (!Token.isUnresolved(props.key) && (props.key.length === 0 || props.key.startsWith('/'))) {
      throw new Error(`ReleaseSource.s3: key "${props.key}" is not an object key: write it without a leading "/", e.g. "wordpress.zip".`);
    }
  }

  public bind(scope: Construct): codepipeline.IAction {
    requireVersioning(scope, this.props.bucket);
    return new codepipeline_actions.S3SourceAction({
      actionName: this.actionName,
      bucket: this.props.bucket,
      bucketKey: this.props.key,
      output: this.output,
      trigger: this.props.trigger,
    });
  }

  public bound(sourceStage: IConstruct, artifactBucket: s3.IBucket): void {
    acknowledgeS3SourceGrants(sourceStage, artifactBucket);
  }
}

class CodeCommitReleaseSource extends ReleaseSource {
  constructor(private readonly props: CodeCommitReleaseSourceProps) {
    super(props, 'Source');
  }

  public bind(): codepipeline.IAction {
    return new codepipeline_actions.CodeCommitSourceAction({
      actionName: this.actionName,
      repository: this.props.repository,
      branch: this.props.branch,
      output: this.output,
    });
  }
}

class ConnectionReleaseSource extends ReleaseSource {
  constructor(private readonly props: ConnectionReleaseSourceProps) {
    super(props, 'Source');
    if (!Token.isUnresolved(props.connectionArn) && !/^arn:aws[a-z-]*:(codestar-connections|codeconnections):[^:]+:\d{12}:connection\/.+$/.test(props.connectionArn)) {
      throw new Error(`ReleaseSource.connection: connectionArn "${props.connectionArn}" is not a connection ARN (arn:aws:codeconnections:REGION:ACCOUNT:connection/ID).`);
    }
    if (props.trigger) validateSourceTrigger('ReleaseSource.connection: trigger', props.trigger);
  }

  public get gitTrigger(): SourceTrigger | undefined {
    return this.props.trigger;
  }

  public bind(): codepipeline.IAction {
    return new ConnectionSourceAction({
      actionName: this.actionName,
      connectionArn: this.props.connectionArn,
      owner: this.props.owner,
      repo: this.props.repo,
      branch: this.props.branch,
      output: this.output,
    });
  }
}

/**
 * The IAM action that lets a role use a connection, by the service prefix of its ARN: connections
 * made since the service was renamed have `codeconnections` ARNs and are used with
 * `codeconnections:UseConnection`; older ones have `codestar-connections` ARNs. An ARN only known at
 * deploy time gets both.
 * @see https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html
 */
function useConnectionActions(connectionArn: string): string[] {
  if (Token.isUnresolved(connectionArn)) return ['codestar-connections:UseConnection', 'codeconnections:UseConnection'];
  const service = connectionArn.split(':')[2];
  return [`${service}:UseConnection`];
}

/**
 * The props of aws-cdk-lib's connection source action that {@link ConnectionSourceAction} renders.
 * Only these: its `bound` writes the configuration itself, so a prop it does not render
 * (`codeBuildCloneOutput`, `triggerOnPush`) cannot be passed in and silently dropped.
 */
type ConnectionSourceActionProps = Pick<
  codepipeline_actions.CodeStarConnectionsSourceActionProps,
  'actionName' | 'connectionArn' | 'owner' | 'repo' | 'branch' | 'output'
>;

/**
 * aws-cdk-lib's connection source action, granting the `UseConnection` action that matches the
 * connection's ARN (aws-cdk-lib always grants `codestar-connections:UseConnection`, which does not
 * cover a `codeconnections` ARN), and otherwise the grants and configuration aws-cdk-lib's action
 * gives for these props.
 */
class ConnectionSourceAction extends codepipeline_actions.CodeStarConnectionsSourceAction {
  constructor(private readonly sourceProps: ConnectionSourceActionProps) {
    super(sourceProps);
  }

  protected bound(_scope: Construct, _stage: codepipeline.IStage, options: codepipeline.ActionBindOptions): codepipeline.ActionConfig {
    const props = this.sourceProps;
    options.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: useConnectionActions(props.connectionArn), resources: [props.connectionArn] }));
    options.bucket.grantReadWrite(options.role);
    options.bucket.grantPutAcl(options.role);
    return {
      configuration: {
        ConnectionArn: props.connectionArn,
        FullRepositoryId: `${props.owner}/${props.repo}`,
        BranchName: props.branch ?? 'master',
      },
    };
  }
}

/**
 * CodePipeline only starts from a version of an S3 object, so an unversioned bucket never triggers a
 * run. The `s3-source-bucket` rule sees buckets in the pipeline's own stack; this sees a bucket the app
 * defines in another stack.
 */
function requireVersioning(scope: Construct, bucket: s3.IBucket): void {
  const resource = bucket.node.defaultChild;
  if (!s3.CfnBucket.isCfnBucket(resource) || Stack.of(resource) === Stack.of(scope)) return;
  scope.node.addValidation({
    validate: () => {
      // Only a literal "not enabled" is an error: a deploy-time value is CloudFormation's to decide.
      return bucketVersioning(Stack.of(resource).resolve(resource.versioningConfiguration)) !== false
        ? []
        : [`[s3-source-bucket] the S3 source reads bucket ${bucket.node.path}, which is not versioned: enable versioning on the bucket (versioned: true).`];
    },
  });
}
