import { ENTITY_NAME, nameRule } from './name-rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StageDeclaration.html */
export const stageName = nameRule({
  id: 'stage-name',
  what: 'stage name',
  ...ENTITY_NAME,
  names: (pipeline) => pipeline.stages.map((stage) => ({ value: stage.name, stage })),
});
