import { MalformedPart, PipelineModel } from '../model/pipeline-model';
import { Rule, Violation } from './rule';

/**
 * Every part of the declaration has the shape the API defines: a list where a list belongs (stages,
 * actions, artifacts, tags, variables, triggers and their Git filters, stage conditions and their
 * rules, commands), an object where an object belongs (a stage, an action, its configuration, the
 * artifact store, a trigger's Git configuration, a stage's onFailure), text or a number where a value
 * belongs. The readers note each part of another shape; this rule reports it once, and every other
 * rule reads it as unknown, so that one mistake makes one finding. CloudFormation's
 * `DisableInboundStageTransitions` is not in the API's declaration: its fix names the template's shape.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html
 */
export const declarationShape: Rule = {
  id: 'declaration-shape',
  severity: 'error',
  description: 'Every part of the declaration has the shape the API defines',
  limit: 'lists, objects, text and numbers where the PipelineDeclaration has them',
  source: 'CodePipeline API reference, PipelineDeclaration',
  *check(pipeline) {
    for (const part of pipeline.malformed ?? []) yield violationOf(pipeline, part);
  },
};

function violationOf(pipeline: PipelineModel, part: MalformedPart): Violation {
  const stage = part.stageIndex === undefined ? undefined : pipeline.stages[part.stageIndex];
  const action = part.actionIndex === undefined ? undefined : stage?.actions[part.actionIndex];
  const stagePath = `stages[${part.stageIndex}]`;
  const actionPath = `${stagePath}.actions[${part.actionIndex}]`;
  const what = part.path === '' ? 'the pipeline\'s Properties' : part.path;
  return {
    // A stage or action that is not an object has no name to show: its path names it instead.
    stage: part.path === stagePath ? undefined : stage,
    action: part.path === actionPath ? undefined : action,
    message: `${what} is ${part.got}; expected ${part.expected}`,
    fix: `write ${what} as ${part.expected}, the shape ${shapeSource(part.path)} gives it.`,
  };
}

const TRANSITIONS = 'disableInboundStageTransitions';

/** Whose shape the part has: the API's declaration, or CloudFormation's resource for its own members. */
function shapeSource(path: string): string {
  return path.startsWith(TRANSITIONS) && (path.length === TRANSITIONS.length || path[TRANSITIONS.length] === '[')
    ? 'CloudFormation\'s AWS::CodePipeline::Pipeline'
    : 'the API\'s PipelineDeclaration';
}
