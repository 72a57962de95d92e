import { CfnCapabilities, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { validateApprovalProps } from './approval-props';
import { DeployStageProps, StackTemplateProps } from './deploy-stage-props';
import { ActionPlacement, placementOf } from './deployment';
import { validateArtifactFile, validateCloudFormationName } from './names';
import { renderParameterOverrides } from './parameter-override';
import { validateParameterOverrides } from './parameter-override-checks';
import { ReleaseStageContext } from './release-stage';
import { ReleaseStageConditions, validateStageConditions } from '../release/stage-conditions';
import { validateWave } from './wave';

/** Checks the props every deploy stage shares, in its constructor; `where` names the stage. */
export function validateDeployStageProps(where: string, props: DeployStageProps): void {
  validateStackTemplateProps(where, '', props, () => validateApprovalProps(props.approval ?? {}, `${where}: approval`));
  validateStageConditions(where, props);
}

/**
 * Checks a stack, its template and where it goes; `at` prefixes the props' names (`steps[0].`, or
 * `''` for a stage's own props). `between` runs after the template checks, before the placement's.
 */
export function validateStackTemplateProps(where: string, at: string, props: StackTemplateProps, between: () => void = () => {}): void {
  validateCloudFormationName(props.stackName, `${where}: ${at}stackName`);
  validateArtifactFile(props.templatePath, `${where}: ${at}templatePath`);
  if (props.templateConfiguration !== undefined) validateArtifactFile(props.templateConfiguration, `${where}: ${at}templateConfiguration`);
  validateParameterOverrides(props.parameterOverrides, `${where}: ${at}parameterOverrides`);
  between();
  validateWave(where, at, props);
}

/** The stack-and-template props among a deploy stage's props, each given one only. */
export function stackTemplateOf(props: StackTemplateProps): StackTemplateProps {
  const { stackName, templatePath, templateConfiguration, templateArtifact, parameterOverrides, capabilities, target, targets, executionRole } = props;
  return { stackName, templatePath, templateConfiguration, templateArtifact, parameterOverrides, capabilities, target, targets, executionRole };
}

/** The V2 conditions among a deploy stage's props, or undefined when it has none. */
export function deployStageConditions(props: ReleaseStageConditions): ReleaseStageConditions | undefined {
  const { onFailure, onSuccess, beforeEntry } = props;
  return onFailure || onSuccess || beforeEntry ? { onFailure, onSuccess, beforeEntry } : undefined;
}

/** The template-deploying action's props that every deploy step shares. */
export interface TemplateActionProps extends ActionPlacement {
  readonly templatePath: codepipeline.ArtifactPath;
  readonly templateConfiguration?: codepipeline.ArtifactPath;
  readonly parameterOverrides?: Record<string, unknown>;
  readonly extraInputs?: codepipeline.Artifact[];
  readonly cfnCapabilities?: CfnCapabilities[];
  readonly adminPermissions: false;
}

/** What a deploy step resolves for one of its targets when its stage is added to a pipeline. */
export interface DeployStageInputs {
  /** Where and as whom the action runs. */
  readonly placement: ActionPlacement;
  /** The region the stack is in, for console links and comments. */
  readonly region: string;
  /** The props of the action that creates the stack or change set from the template. */
  readonly templateAction: TemplateActionProps;
}

/** The inputs of the action deploying `props` into `target` (undefined: the pipeline account). */
export function deployStageInputs(where: string, context: ReleaseStageContext, props: StackTemplateProps, target: DeploymentTarget | undefined = props.target): DeployStageInputs {
  const placement = placementOf(where, target, target ? undefined : props.executionRole);
  const artifact = props.templateArtifact ?? context.defaultArtifact;
  const overrides = renderParameterOverrides(props.parameterOverrides, [artifact]);
  return {
    placement,
    region: regionOf(context, target),
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

/** The region of `target`, or the pipeline's. */
export function regionOf(context: ReleaseStageContext, target: DeploymentTarget | undefined): string {
  return target?.region ?? Stack.of(context.scope).region;
}
