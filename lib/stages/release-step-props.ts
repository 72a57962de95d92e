import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApprovalProps } from './approval-props';
import { StackTemplateProps } from './deploy-stage-props';

/**
 * How a stack is created or updated: `CREATE_UPDATE` updates the stack in place and fails on a stack
 * left in a failed state; `REPLACE_ON_FAILURE` deletes and recreates such a stack (the right choice
 * for a throw-away test stack, never for one that holds data).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export type DeployStackMode = 'REPLACE_ON_FAILURE' | 'CREATE_UPDATE';

/** A step that deploys a stack directly (`ReleaseStep.deployStack`). */
export interface DeployStackStepProps extends StackTemplateProps {
  /**
   * The action's name (with several targets, each action's name is `<actionName>-<account>-<region>`).
   * @default 'DeployStack'
   */
  readonly actionName?: string;
  /**
   * How the stack is created or updated.
   * @default 'CREATE_UPDATE'
   */
  readonly mode?: DeployStackMode;
}

/** A step that creates (or replaces) a change set on a stack (`ReleaseStep.createChangeSet`). */
export interface CreateChangeSetStepProps extends StackTemplateProps {
  /**
   * The action's name (with several targets, each action's name is `<actionName>-<account>-<region>`).
   * @default 'CreateChangeSet'
   */
  readonly actionName?: string;
  /**
   * The change set's name; created (replacing an earlier one of that name), and executed by the
   * `ReleaseStep.executeChangeSet()` step that refers to this one.
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
   */
  readonly changeSetName: string;
}

/** A step that finishes a deploy step: executes its change set, or deletes its stack. */
export interface FinishStepProps {
  /**
   * The action's name (with several targets, each action's name is `<actionName>-<account>-<region>`).
   * @default 'ExecuteChangeSet' (executeChangeSet), 'DeleteStack' (deleteStack)
   */
  readonly actionName?: string;
}

/** A CodeBuild project run as a check (`ReleaseStep.codeBuild`), e.g. integration tests. */
export interface CodeBuildStepProps {
  /**
   * The action's name.
   * @default 'CodeBuild'
   */
  readonly actionName?: string;
  /** The project to run; its buildspec decides whether the check passes. */
  readonly project: codebuild.IProject;
  /**
   * The artifact the build reads.
   * @default - the stage's default artifact: the pipeline's build output, or its source output
   */
  readonly input?: codepipeline.Artifact;
  /**
   * More artifacts the build reads.
   * @default - none
   */
  readonly extraInputs?: codepipeline.Artifact[];
  /**
   * Artifacts the build writes.
   * @default - none
   */
  readonly outputs?: codepipeline.Artifact[];
  /**
   * Environment variables for this run, on top of the project's.
   * @default - the project's
   */
  readonly environmentVariables?: Record<string, codebuild.BuildEnvironmentVariable>;
}

/**
 * Shell commands run by CodePipeline's Commands action (`ReleaseStep.commands`): a V2 pipeline's
 * compute action, with no CodeBuild project to manage. The action runs as a role of its own in the
 * pipeline account, which may write the pipeline's `/aws/codepipeline/<pipeline name>` logs and read
 * the artifacts.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
 */
export interface CommandsStepProps {
  /**
   * The action's name.
   * @default 'Commands'
   */
  readonly actionName?: string;
  /** The commands, run in order: 1–50, each 1–1000 characters, none over several lines. */
  readonly commands: string[];
  /**
   * The artifact the commands run in.
   * @default - the stage's default artifact: the pipeline's build output, or its source output
   */
  readonly input?: codepipeline.Artifact;
  /**
   * More artifacts the commands read.
   * @default - none
   */
  readonly extraInputs?: codepipeline.Artifact[];
  /**
   * The artifact the commands write.
   * @default - none
   */
  readonly output?: codepipeline.Artifact;
  /**
   * Environment variables the action exports as its output variables (1–15 names).
   * @default - none
   */
  readonly outputVariables?: string[];
}

/**
 * A Lambda function invoked as a check (`ReleaseStep.lambdaInvoke`), e.g. a smoke test; the function
 * reports its result with PutJobSuccessResult or PutJobFailureResult.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-invoke-lambda-function.html
 */
export interface LambdaInvokeStepProps {
  /**
   * The action's name.
   * @default 'LambdaInvoke'
   */
  readonly actionName?: string;
  /** The function to invoke. */
  readonly lambda: lambda.IFunction;
  /**
   * A JSON value passed to the function as the job's UserParameters.
   * @default - none
   */
  readonly userParameters?: Record<string, unknown>;
  /**
   * Artifacts the function reads. Unlike CodeBuild and Commands checks, a function needs none to
   * run (a smoke test calls the deployed service), so none is given by default.
   * @default - none
   */
  readonly inputs?: codepipeline.Artifact[];
}

/** A manual approval (`ReleaseStep.approval`). */
export interface ApprovalStepProps extends ApprovalProps {
  /**
   * The action's name.
   * @default 'Approve'
   */
  readonly actionName?: string;
}

/** The flags a review step can fail the stage on. */
export type ReviewFailOn = 'data-loss' | 'permissions' | 'nested-stack';

/** Props for `ReleaseStep.reviewChangeSet()`. */
export interface ReviewChangeSetStepProps {
  /**
   * The action's name; a wave's actions add `-<account>-<region>` to it. Its variable namespace is
   * `<stage>-<action>` (`.` written `_`), and its report artifact `<namespace>-Report`.
   * @default 'ReviewChangeSet'
   */
  readonly actionName?: string;
  /**
   * Fail the step, and so the stage before its approval, when a change carries one of these flags
   * and is not acknowledged: `data-loss` (a resource that holds data is removed or replaced without
   * being retained), `permissions` (IAM, security group rules, resource policies) or `nested-stack`
   * (a nested stack changes: its own changes are in a change set the step does not read). With
   * `data-loss` or `permissions`, `nested-stack` is implied: the step cannot vouch for what it cannot
   * see; acknowledge `nested-stack:<LogicalId>` once that nested change set is reviewed.
   * @default - none: the step reports, and fails only on a change set that cannot be executed
   */
  readonly failOn?: ReviewFailOn[];
  /**
   * Changes let through despite `failOn`: `flag:LogicalId` (`data-loss:Database`) or `flag:*`. An
   * entry may be a pipeline variable (`#{variables.Acknowledge}`, set when a release is started)
   * holding entries separated by commas or spaces.
   * @default - none
   */
  readonly acknowledge?: string[];
}
