import { isUnknown } from '../model/values';
import { cloudFormationActions } from './cloudformation-action';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html */
export const cfnChangeSetName: Rule = {
  id: 'cfn-change-set-name',
  severity: 'error',
  description: 'ChangeSetName is set for change-set modes',
  limit: 'required for CHANGE_SET_REPLACE and CHANGE_SET_EXECUTE',
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const { stage, action, mode } of cloudFormationActions(pipeline)) {
      if (mode !== 'CHANGE_SET_REPLACE' && mode !== 'CHANGE_SET_EXECUTE') continue;
      const value = action.configuration.ChangeSetName;
      // Present counts, even empty: an empty value is configuration-lengths' finding (one finding per mistake).
      if (isUnknown(value) || value !== undefined) continue;
      yield {
        stage,
        action,
        message: `ActionMode ${mode} needs a ChangeSetName`,
        fix: 'set ChangeSetName; the CHANGE_SET_EXECUTE action must name the change set its CHANGE_SET_REPLACE action created.',
      };
    }
  },
};
