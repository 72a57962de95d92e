import { MAX_CLOUDFORMATION_NAME, isCloudFormationName } from '../model/cloudformation-names';
import { isUnknown } from '../model/values';
import { cloudFormationActions } from './cloudformation-action';
import { Rule, Sources } from './rule';

const MAX = MAX_CLOUDFORMATION_NAME;

/** @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html */
export const cfnStackName: Rule = {
  id: 'cfn-stack-name',
  severity: 'error',
  description: 'CloudFormation StackName is present and valid',
  limit: `starts with a letter; letters, digits and "-"; ≤ ${MAX} characters`,
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const { stage, action } of cloudFormationActions(pipeline)) {
      const value = action.configuration.StackName;
      // An empty StackName is configuration-lengths' finding (values take 1–1000): one finding per mistake.
      if (isUnknown(value) || value === '') continue;
      if (value === undefined) {
        yield { stage, action, message: 'the CloudFormation action has no StackName', fix: 'set StackName to the stack the action creates, updates or deletes.' };
        continue;
      }
      const name = String(value);
      if (!isCloudFormationName(name)) {
        yield {
          stage,
          action,
          message: `StackName "${name}" is not a valid stack name (${name.length > MAX ? `${name.length} characters; the limit is ${MAX}` : 'it must start with a letter and contain only letters, digits and "-"'})`,
          fix: `use a name that starts with a letter and has only letters, digits and "-", at most ${MAX} characters.`,
        };
      }
    }
  },
};
