import { ENTITY_NAME, nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html */
export const pipelineName = nameRule({
  id: 'pipeline-name',
  what: 'pipeline name',
  ...ENTITY_NAME,
  // A generated name (no Name property in the template) is CloudFormation's to get right.
  names: (pipeline) => (pipeline.nameIsGenerated ? [] : [{ value: pipeline.name }]),
});
