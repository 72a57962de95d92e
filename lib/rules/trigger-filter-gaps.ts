import { partUnknown } from './list-count';
import { Rule, Sources } from './rule';
import { hasTriggers } from './rule-scope';
import { triggerLabel } from './trigger-filters';

/**
 * Triggers whose effect the documents leave open. A trigger with neither push nor pull-request filters:
 * the API says a trigger turns the source's own change detection off, while the guide's "no filter"
 * starts on a push to the action's branch. A pull-request filter without branches: the guide filters
 * pull requests on branches and file paths, and aws-cdk-lib requires branches.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
 */
export const triggerFilterGaps: Rule = {
  id: 'trigger-filter-gaps',
  severity: 'warning',
  description: 'A trigger without push or pull-request filters, or a pull-request filter without branches',
  limit: 'a filter per trigger; branches per pull-request filter',
  source: Sources.TRIGGER_FILTERS,
  appliesTo: hasTriggers,
  *check(pipeline) {
    for (const [i, trigger] of (pipeline.triggers ?? []).entries()) {
      const git = `triggers[${i}].gitConfiguration`;
      if (partUnknown(pipeline, git)) continue;
      const label = triggerLabel(trigger, i);
      if (trigger.push === undefined && trigger.pullRequest === undefined) {
        if (partUnknown(pipeline, `${git}.push`) || partUnknown(pipeline, `${git}.pullRequest`)) continue;
        yield {
          message: `${label} has no push or pull-request filter; the documents leave open whether it starts the pipeline on a push to the action's branch or not at all`,
          fix: 'add a push filter on the branches to release (Branches: Includes: ["main"]), or remove the trigger to keep the source\'s own change detection.',
        };
      }
      for (const [j, filter] of (trigger.pullRequest ?? []).entries()) {
        const path = `${git}.pullRequest[${j}]`;
        if (filter.branches !== undefined || partUnknown(pipeline, path) || partUnknown(pipeline, `${path}.branches`)) continue;
        yield {
          message: `${label}, pull-request filter ${j + 1} has no branches; the guide filters pull requests on branches and file paths`,
          fix: 'add Branches: the target branches of the pull requests (e.g. Includes: ["main"]).',
        };
      }
    }
  },
};
