import { CfnCapabilities, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { validateApprovalProps } from './approval-props';
import { DeployStageProps } from './deploy-stage-props';
import { ActionPlacement, placementOf } from './deployment';
import { validateArtifactFile, validateCloudFormationName } from './names';
import { renderParameterOverrides } from './parameter-override';
import { validateParameterOverrides } from './parameter-override-checks';
import { ReleaseStageContext } from './release-stage';
import { ReleaseStageConditions, validateStageConditions } from '../release/stage-conditions';

/** Checks the props every deploy stage shares, in its constructor; `where` names the stage. */
export function validateDeployStageProps(where: string, props: DeployStageProps): void {
  validateCloudFormationName(props.stackName, `${where}: stackName`);
  validateArtifactFile(props.templatePath, `${where}: templatePath`);
  if (props.templateConfiguration !== undefined) validateArtifactFile(props.templateConfiguration, `${where}: templateConfiguration`);
  validateParameterOverrides(props.parameterOverrides, `${where}: parameterOverrides`);
  validateApprovalProps(props.approval ?? {}, `${where}: approval`);
  placementOf(where, props.target, props.executionRole);
  validateStageConditions(where, props);
}

/** The V2 conditions among a deploy stage's props, or undefined when it has none. */
export function deployStageConditions(props: DeployStageProps): ReleaseStageConditions | undefined {
  const { onFailure, onSuccess, beforeEntry } = props;
  return onFailure || onSuccess || beforeEntry ? { onFailure, onSuccess, beforeEntry } : undefined;
}

/** The template-deploying action's props that TestStackStage and ChangeSetStage share. */
export interface TemplateActionProps extends ActionPlacement {
  readonly templatePath: codepipeline.ArtifactPath;
  readonly templateConfiguration?: codepipeline.ArtifactPath;
  readonly parameterOverrides?: Record<string, unknown>;
  readonly extraInputs?: codepipeline.Artifact[];
  readonly cfnCapabilities?: CfnCapabilities[];
  readonly adminPermissions: false;
}

/** What a deploy stage resolves when it is added to a pipeline. */
export interface DeployStageInputs {
  /** Where and as whom the stage's actions run. */
  readonly placement: ActionPlacement;
  /** The region the stack is in, for console links and comments. */
  readonly region: string;
  /** The props of the action that creates the stack or change set from the template. */
  readonly templateAction: TemplateActionProps;
}

export function deployStageInputs(where: string, context: ReleaseStageContext, props: DeployStageProps): DeployStageInputs {
  const placement = placementOf(where, props.target, props.executionRole);
  const artifact = props.templateArtifact ?? context.defaultArtifact;
  const overrides = renderParameterOverrides(props.parameterOverrides, [artifact]);
  return {
    placement,
    region: props.target?.region ?? Stack.of(context.scope).region,
    templateAction: {
      templatePath: artifact.atPath(props.templatePath),
      templateConfiguration: props.templateConfiguration !== undefined ? artifact.atPath(props.templateConfiguration) : undefined,
      parameterOverrides: overrides.parameterOverrides,
      extraInputs: overrides.extraInputs,
      cfnCapabilities: props.capabilities,
      adminPermissions: false,
      ...placement,
    },
  };
}
