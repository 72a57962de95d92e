import { CfnCapabilities } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ApprovalProps } from './approval-props';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { ParameterOverride } from './parameter-override';
import { ReleaseStageConditions } from '../release/stage-conditions';

/**
 * What TestStackStage and ChangeSetStage share: the stack, its template, where it goes, and the
 * stage's V2 conditions (`onFailure`, `onSuccess`, `beforeEntry`).
 */
export interface DeployStageProps extends ReleaseStageConditions {
  /**
   * The CloudFormation stack the stage deploys.
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
   * The account the stack lives in (its region is the pipeline's), with the roles CloudFormation
   * actions assume there. The stage declares its stack (and change set) to the target with
   * `allowStack()`, so the target's action role may deploy exactly that.
   * @default - the pipeline's account, with `executionRole`
   */
  readonly target?: DeploymentTarget;
  /**
   * The role CloudFormation uses to create, update and delete the stack, when the stage deploys into
   * the pipeline account. A target brings its own execution role.
   * @default - required when there is no `target`
   */
  readonly executionRole?: iam.IRole;
  /**
   * The manual approval between the two steps of the stage.
   * @default - no notification, the default review URL and comments, the service's 7-day timeout
   */
  readonly approval?: ApprovalProps;
}
