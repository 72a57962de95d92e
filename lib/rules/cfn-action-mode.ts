import { isUnknown } from '../model/values';
import { CLOUDFORMATION_MODES, cloudFormationActions } from './cloudformation-action';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html */
export const cfnActionMode: Rule = {
  id: 'cfn-action-mode',
  severity: 'error',
  description: 'CloudFormation ActionMode is present and valid',
  limit: CLOUDFORMATION_MODES.join(', '),
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const { stage, action, mode } of cloudFormationActions(pipeline)) {
      const value = action.configuration.ActionMode;
      // An empty ActionMode is configuration-lengths' finding (values take 1–1000): one finding per mistake.
      if (mode !== undefined || isUnknown(value) || value === '') continue;
      yield {
        stage,
        action,
        message: value === undefined ? 'the CloudFormation action has no ActionMode' : `ActionMode "${String(value)}" is not a CloudFormation action mode`,
        fix: `set ActionMode to one of ${CLOUDFORMATION_MODES.join(', ')}.`,
      };
    }
  },
};
