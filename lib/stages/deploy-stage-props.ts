import { CfnCapabilities } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ApprovalProps } from './approval-props';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { ParameterOverride } from './parameter-override';
import { ReleaseStageConditions } from '../release/stage-conditions';

/**
 * One CloudFormation stack from a template, and where it goes: the pipeline account, one target, or
 * a wave of targets (the same stack in each, deployed in parallel).
 */
export interface StackTemplateProps {
  /**
   * The CloudFormation stack deployed (the same name in every target of a wave).
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html
   */
  readonly stackName: string;
  /**
   * The template's path inside the template artifact, e.g. `wordpress.yaml`.
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
   */
  readonly templatePath: string;
  /**
   * The template configuration file's path inside the template artifact: `{"Parameters": {...},
   * "Tags": {...}, "StackPolicy": {...}}`.
   * @default - no template configuration
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-cfn-artifacts.html
   */
  readonly templateConfiguration?: string;
  /**
   * The artifact holding the template and its configuration.
   * @default - the pipeline's build output, or its source output when there is no build
   */
  readonly templateArtifact?: codepipeline.Artifact;
  /**
   * Parameters that override the template configuration's, each a literal or a function of an
   * artifact (whose artifact the stage adds to the action's inputs).
   * @default - none
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-parameter-override-functions.html
   */
  readonly parameterOverrides?: Record<string, ParameterOverride>;
  /**
   * Capabilities the template needs, e.g. `CfnCapabilities.NAMED_IAM`.
   * @default - none
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-template.html#using-iam-capabilities
   */
  readonly capabilities?: CfnCapabilities[];
  /**
   * The account and region the stack lives in, with the roles CloudFormation actions assume there.
   * The stack (and change set) is declared to the target with `allowStack()`, so the target's action
   * role may deploy exactly that. Contradicts `targets`.
   * @default - the pipeline's account, with `executionRole` (or `targets`)
   */
  readonly target?: DeploymentTarget;
  /**
   * A wave: the targets the stack is deployed into at once, one action per target, all at one run
   * order; each target is its own (account, region), at most 50 (CodePipeline's quota of parallel
   * actions in a stage). With several targets each action is named `<name>-<account>-<region>`.
   * Contradicts `target`.
   * @default - `target`, or the pipeline's account
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
   */
  readonly targets?: DeploymentTarget[];
  /**
   * The role CloudFormation uses to create, update and delete the stack, when it is deployed into
   * the pipeline account. A target brings its own execution role.
   * @default - required when there is no `target` or `targets`
   */
  readonly executionRole?: iam.IRole;
}

/**
 * What TestStackStage and ChangeSetStage share: the stack, its template, where it goes, the
 * approval, and the stage's V2 conditions (`onFailure`, `onSuccess`, `beforeEntry`).
 */
export interface DeployStageProps extends StackTemplateProps, ReleaseStageConditions {
  /**
   * The manual approval between the two steps of the stage.
   * @default - no notification, the default review URL and comments, the service's 7-day timeout
   */
  readonly approval?: ApprovalProps;
}
