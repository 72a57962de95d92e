import { ActionModel, PipelineModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { ActionPlace, actionPartKnown, allActions, categoryOf } from '../model/walk';
import { Rule, Sources, Violation } from './rule';

interface Range {
  readonly min: number;
  readonly max: number;
}

interface ArtifactLimits {
  readonly inputs: Range;
  readonly outputs: Range;
  /** The page that gives the counts, when it is not the artifacts table. */
  readonly source?: string;
}

const SOURCE: ArtifactLimits = { inputs: { min: 0, max: 0 }, outputs: { min: 1, max: 1 } };
const ONE_IN: ArtifactLimits = { inputs: { min: 1, max: 1 }, outputs: { min: 0, max: 0 } };
const UP_TO_FIVE: ArtifactLimits = { inputs: { min: 0, max: 5 }, outputs: { min: 0, max: 5 } };

/**
 * Input and output artifact counts by `Category/Owner/Provider`.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html
 */
const LIMITS: Readonly<Record<string, ArtifactLimits>> = {
  'Source/AWS/S3': SOURCE,
  'Source/AWS/CodeCommit': SOURCE,
  'Source/AWS/ECR': SOURCE,
  'Source/AWS/CodeStarSourceConnection': SOURCE,
  'Source/ThirdParty/GitHub': SOURCE,
  'Build/AWS/CodeBuild': { inputs: { min: 1, max: 5 }, outputs: { min: 0, max: 5 } },
  'Test/AWS/CodeBuild': { inputs: { min: 1, max: 5 }, outputs: { min: 0, max: 5 } },
  'Deploy/AWS/CloudFormation': { inputs: { min: 0, max: 10 }, outputs: { min: 0, max: 1 } },
  'Deploy/AWS/S3': ONE_IN,
  'Deploy/AWS/CodeDeploy': ONE_IN,
  'Deploy/AWS/ElasticBeanstalk': ONE_IN,
  'Deploy/AWS/ECS': ONE_IN,
  'Deploy/AWS/OpsWorks': ONE_IN,
  'Deploy/AWS/ServiceCatalog': ONE_IN,
  'Approval/AWS/Manual': { inputs: { min: 0, max: 0 }, outputs: { min: 0, max: 0 } },
  'Invoke/AWS/Lambda': UP_TO_FIVE,
  // Not in the artifacts table; its own page (and aws-cdk-lib's CommandsAction) gives the counts.
  'Compute/AWS/Commands': { inputs: { min: 1, max: 10 }, outputs: { min: 0, max: 1 }, source: Sources.COMMANDS },
};

function limitsOf(action: ActionModel): ArtifactLimits | undefined {
  const { owner, provider } = action.actionTypeId;
  const category = categoryOf(action);
  if (known(owner) === 'Custom') return UP_TO_FIVE; // Jenkins and other custom actions
  return LIMITS[`${category}/${known(owner)}/${known(provider)}`];
}

function describe(range: Range): string {
  return range.min === range.max ? `exactly ${range.min}` : `${range.min}–${range.max}`;
}

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html */
export const artifactCounts: Rule = {
  id: 'artifact-counts',
  severity: 'error',
  description: 'Input and output artifact counts for the action\'s provider',
  limit: 'per provider (e.g. CloudFormation 0–10 in, 0–1 out)',
  source: 'CodePipeline user guide, Valid input and output artifacts for each action type',
  *check(pipeline) {
    for (const place of allActions(pipeline)) {
      const limits = limitsOf(place.action);
      if (!limits) continue;
      // Inputs, then outputs; each message only when its count is out of range.
      const inputs = countViolation(pipeline, place, limits, 'input');
      if (inputs) yield inputs;
      const outputs = countViolation(pipeline, place, limits, 'output');
      if (outputs) yield outputs;
    }
  },
};

function countViolation(pipeline: PipelineModel, place: ActionPlace, limits: ArtifactLimits, kind: 'input' | 'output'): Violation | undefined {
  const { stage, action } = place;
  const range = kind === 'input' ? limits.inputs : limits.outputs;
  const count = kind === 'input' ? action.inputArtifacts.length : action.outputArtifacts.length;
  // A list behind an intrinsic has a count only known at deploy time.
  if ((count >= range.min && count <= range.max) || !actionPartKnown(pipeline, place, kind === 'input' ? 'inputArtifacts' : 'outputArtifacts')) return undefined;
  const provider = `${known(action.actionTypeId.category)} ${known(action.actionTypeId.provider)}`;
  return {
    stage,
    action,
    message: `${/^[AEIOU]/.test(provider) ? 'an' : 'a'} ${provider} action has ${count} ${kind} artifact${count === 1 ? '' : 's'}; it takes ${describe(range)}`,
    fix: count > range.max ? `remove ${kind} artifacts down to ${range.max}.` : `add ${range.min - count === 1 ? 'an' : range.min - count} ${kind} artifact${range.min - count === 1 ? '' : 's'}.`,
    ...(limits.source ? { source: limits.source } : {}),
  };
}
