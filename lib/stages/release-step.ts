import {
  ApprovalStepProps, CodeBuildStepProps, CommandsStepProps, CreateChangeSetStepProps, DeployStackStepProps,
  FinishStepProps, LambdaInvokeStepProps, ReviewChangeSetStepProps,
} from './release-step-props';

/** What a step does; each kind is made by the `ReleaseStep` factory of the same name. */
export type ReleaseStepKind =
  | 'deployStack' | 'createChangeSet' | 'executeChangeSet' | 'deleteStack'
  | 'codeBuild' | 'commands' | 'lambdaInvoke' | 'approval' | 'reviewChangeSet';

/** @internal what each kind of step was made with. */
export type ReleaseStepSpec =
  | { readonly kind: 'deployStack'; readonly props: DeployStackStepProps }
  | { readonly kind: 'createChangeSet'; readonly props: CreateChangeSetStepProps }
  | { readonly kind: 'executeChangeSet'; readonly deploy: DeployStep; readonly props: FinishStepProps }
  | { readonly kind: 'deleteStack'; readonly deploy: DeployStep; readonly props: FinishStepProps }
  | { readonly kind: 'codeBuild'; readonly props: CodeBuildStepProps }
  | { readonly kind: 'commands'; readonly props: CommandsStepProps }
  | { readonly kind: 'lambdaInvoke'; readonly props: LambdaInvokeStepProps }
  | { readonly kind: 'approval'; readonly props: ApprovalStepProps }
  | { readonly kind: 'reviewChangeSet'; readonly deploy: DeployStep; readonly props: ReviewChangeSetStepProps };

const DEFAULT_ACTION_NAMES: Record<ReleaseStepKind, string> = {
  deployStack: 'DeployStack',
  createChangeSet: 'CreateChangeSet',
  executeChangeSet: 'ExecuteChangeSet',
  deleteStack: 'DeleteStack',
  codeBuild: 'CodeBuild',
  commands: 'Commands',
  lambdaInvoke: 'LambdaInvoke',
  approval: 'Approve',
  reviewChangeSet: 'ReviewChangeSet',
};

/**
 * One step of a `StepStage`: one action, or, for a deploy step with several targets (a wave), one
 * action per target, all at the step's run order. A stage runs its steps in the order it lists them.
 *
 * A change set is executed, and a stack deleted, by a step that refers to the step that made it
 * (`executeChangeSet(create)`, `deleteStack(deploy)`): stack and change set are named once, so what is
 * executed or deleted is always what was created, in every target.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html
 */
export class ReleaseStep {
  /**
   * Creates or updates a stack from a template (CloudFormation `CREATE_UPDATE`, or
   * `REPLACE_ON_FAILURE` with `mode`), in the pipeline account, a target, or every target of a wave.
   */
  public static deployStack(props: DeployStackStepProps): DeployStep {
    return new DeployStep({ kind: 'deployStack', props });
  }

  /**
   * Creates (or replaces) a change set on a stack (CloudFormation `CHANGE_SET_REPLACE`), for a
   * reviewer to approve and `executeChangeSet()` to execute.
   */
  public static createChangeSet(props: CreateChangeSetStepProps): DeployStep {
    return new DeployStep({ kind: 'createChangeSet', props });
  }

  /**
   * Executes the change set `create` made (CloudFormation `CHANGE_SET_EXECUTE`), in each of its
   * targets; `create` must be an earlier step of the same stage.
   */
  public static executeChangeSet(create: DeployStep, props: FinishStepProps = {}): ReleaseStep {
    return new ReleaseStep({ kind: 'executeChangeSet', deploy: create, props });
  }

  /**
   * Deletes the stack `deploy` made (CloudFormation `DELETE_ONLY`), in each of its targets: a
   * throw-away test stack. `deploy` must be an earlier `deployStack()` step of the same stage.
   */
  public static deleteStack(deploy: DeployStep, props: FinishStepProps = {}): ReleaseStep {
    return new ReleaseStep({ kind: 'deleteStack', deploy, props });
  }

  /** Runs a CodeBuild project as a check, e.g. tests against the stack deployed by an earlier step. */
  public static codeBuild(props: CodeBuildStepProps): ReleaseStep {
    return new ReleaseStep({ kind: 'codeBuild', props });
  }

  /**
   * Runs shell commands with CodePipeline's Commands action (V2 pipelines only).
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
   */
  public static commands(props: CommandsStepProps): ReleaseStep {
    return new ReleaseStep({ kind: 'commands', props });
  }

  /** Invokes a Lambda function as a check. */
  public static lambdaInvoke(props: LambdaInvokeStepProps): ReleaseStep {
    return new ReleaseStep({ kind: 'lambdaInvoke', props });
  }

  /**
   * Waits for a person to approve. By default its comments and review URL name every stack and
   * change set the stage's earlier steps deployed, with account and region, and say what approving
   * does (execute, delete, or continue).
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html
   */
  public static approval(props: ApprovalStepProps = {}): ReleaseStep {
    return new ReleaseStep({ kind: 'approval', props });
  }

  /**
   * Reviews the change set `create` made, in each of its targets (one Lambda invoke action per
   * target, all at the step's run order): reads it as the target's reviewer role, writes the report
   * (Markdown and JSON) as the action's output artifact, and exports a one-line summary as the
   * output variable `Summary`, which a later approval's default comments show. With `failOn`, fails
   * on unacknowledged data-loss or permission changes. Put it between `create` and the approval.
   *
   * The pipeline gets one function for every review step (`<name>-change-set-review` role), and each
   * target a reviewer role (see `DeploymentTarget.grantReview()`).
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html
   */
  public static reviewChangeSet(create: DeployStep, props: ReviewChangeSetStepProps = {}): ReleaseStep {
    return new ReleaseStep({ kind: 'reviewChangeSet', deploy: create, props });
  }

  /** What the step does. */
  public readonly kind: ReleaseStepKind;
  /** The action's name (a wave's actions add `-<account>-<region>` to it). */
  public readonly actionName: string;

  protected constructor(
    /** @internal */
    public readonly spec: ReleaseStepSpec,
  ) {
    this.kind = spec.kind;
    this.actionName = spec.props.actionName ?? DEFAULT_ACTION_NAMES[spec.kind];
  }
}

/** A step that deploys a stack or creates a change set: what `executeChangeSet` and `deleteStack` refer to. */
export class DeployStep extends ReleaseStep {
  /** The stack the step deploys (or creates the change set on), in each of its targets. */
  public readonly stackName: string;
  /** The change set the step creates; undefined for a direct deploy. */
  public readonly changeSetName: string | undefined;
  /** @internal the stack, template and targets the step was made with. */
  public readonly stackProps: DeployStackStepProps | CreateChangeSetStepProps;

  /** @internal */
  public constructor(spec: Extract<ReleaseStepSpec, { kind: 'deployStack' | 'createChangeSet' }>) {
    super(spec);
    this.stackName = spec.props.stackName;
    this.changeSetName = spec.kind === 'createChangeSet' ? spec.props.changeSetName : undefined;
    this.stackProps = spec.props;
  }
}
