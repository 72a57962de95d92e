import { nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html */
export const pipelineName = nameRule({
  id: 'pipeline-name',
  what: 'pipeline name',
  pattern: /^[A-Za-z0-9.@_-]+$/,
  allowed: 'letters, digits, ".", "@", "_" and "-"',
  maxLength: 100,
  // A generated name (no Name property in the template) is CloudFormation's to get right.
  names: (pipeline) => (pipeline.nameIsGenerated ? [] : [{ value: pipeline.name }]),
});
