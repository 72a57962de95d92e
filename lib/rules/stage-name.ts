import { nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StageDeclaration.html */
export const stageName = nameRule({
  id: 'stage-name',
  what: 'stage name',
  pattern: /^[A-Za-z0-9.@_-]+$/,
  allowed: 'letters, digits, ".", "@", "_" and "-"',
  maxLength: 100,
  names: (pipeline) => pipeline.stages.map((stage) => ({ value: stage.name, stage })),
});
