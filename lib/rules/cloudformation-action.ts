import { ActionModel, PipelineModel, StageModel } from '../model/pipeline-model';
import { known, knownText } from '../model/values';
import { actionPartKnown, allActions, isCloudFormationAction } from '../model/walk';
import { accountOfAction } from './account-of-action';

/**
 * The CloudFormation action's modes and the configuration each uses.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export const CLOUDFORMATION_MODES = ['CHANGE_SET_EXECUTE', 'CHANGE_SET_REPLACE', 'CREATE_UPDATE', 'DELETE_ONLY', 'REPLACE_ON_FAILURE'] as const;
export type CloudFormationMode = (typeof CLOUDFORMATION_MODES)[number];

/** Modes that create or update a stack from a template. */
export const TEMPLATE_MODES: readonly CloudFormationMode[] = ['CREATE_UPDATE', 'REPLACE_ON_FAILURE', 'CHANGE_SET_REPLACE'];

export interface CloudFormationActionPlace {
  readonly stage: StageModel;
  readonly action: ActionModel;
  /** The literal ActionMode, when it is one of the known modes. */
  readonly mode?: CloudFormationMode;
}

const CLOUDFORMATION_PLACES = new WeakMap<PipelineModel, readonly CloudFormationActionPlace[]>();

/**
 * Every CloudFormation deploy action, with its mode when it is literal and valid. Actions whose whole
 * configuration is an intrinsic (e.g. `Fn::If` between two configurations) are left out: nothing in it
 * is known before deploy time. Ten rules walk this list: it is built once per model (models are
 * read-only), like {@link allActions}.
 */
export function cloudFormationActions(pipeline: PipelineModel): readonly CloudFormationActionPlace[] {
  let places = CLOUDFORMATION_PLACES.get(pipeline);
  if (!places) {
    const found: CloudFormationActionPlace[] = [];
    for (const place of allActions(pipeline)) {
      const { stage, action } = place;
      if (!isCloudFormationAction(action) || !actionPartKnown(pipeline, place, 'configuration')) continue;
      const mode = knownText(action.configuration.ActionMode);
      found.push({ stage, action, mode: (CLOUDFORMATION_MODES as readonly string[]).includes(mode ?? '') ? (mode as CloudFormationMode) : undefined });
    }
    places = found;
    CLOUDFORMATION_PLACES.set(pipeline, places);
  }
  return places;
}

/** The names of the action's input artifacts that are literal. */
export function inputNames(action: ActionModel): Set<string> {
  return new Set(action.inputArtifacts.map((a) => known(a.name)).filter((n): n is string => n !== undefined));
}

/** The artifact of an `Artifact::path/file` reference, or undefined when it is not of that form. */
export function artifactOfPath(path: string): string | undefined {
  const at = path.indexOf('::');
  return at > 0 ? path.slice(0, at) : undefined;
}

/** Where a CloudFormation action's stack is: each part literal, or undefined when not known. */
export interface StackPlacement {
  readonly stackName?: string;
  /** The action role's account, or the pipeline's for an action without a role. */
  readonly account?: string;
  /** The action's Region, or the pipeline's for an action without one. */
  readonly region?: string;
  /** The action has no role of its own, so it runs in the pipeline's account (known or not). */
  readonly inPipelineAccount: boolean;
  /** The action has no Region of its own, so it runs in the pipeline's Region (known or not). */
  readonly inPipelineRegion: boolean;
}

/** The stack a CloudFormation action acts on, and where: one reading for the rules and `pipectl stacks`. */
export function stackPlacementOf(pipeline: PipelineModel, action: ActionModel): StackPlacement {
  return {
    stackName: knownText(action.configuration.StackName),
    account: accountOfAction(pipeline, action),
    region: action.region === undefined ? pipeline.context.region : knownText(action.region),
    inPipelineAccount: action.roleArn === undefined,
    inPipelineRegion: action.region === undefined,
  };
}
