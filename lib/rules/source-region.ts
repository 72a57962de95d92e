import { known } from '../model/values';
import { allActions, categoryOf } from '../model/walk';
import { Rule } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html */
export const sourceRegion: Rule = {
  id: 'source-region',
  severity: 'error',
  description: 'Source actions run in the pipeline\'s region',
  limit: 'no cross-region source actions',
  source: 'CodePipeline user guide, Add a cross-Region action in CodePipeline',
  *check(pipeline) {
    const pipelineRegion = pipeline.context.region;
    if (pipelineRegion === undefined) return;
    for (const { stage, action } of allActions(pipeline)) {
      const region = known(action.region);
      if (categoryOf(action) !== 'Source' || region === undefined || region === pipelineRegion) continue;
      yield {
        stage,
        action,
        message: `the source action runs in ${region}, but the pipeline is in ${pipelineRegion}; source actions cannot run cross-region`,
        fix: `remove the action's region, and read the source from ${pipelineRegion}.`,
      };
    }
  },
};
