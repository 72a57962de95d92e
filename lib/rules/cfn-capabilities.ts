import { isUnknown } from '../model/values';
import { cloudFormationActions } from './cloudformation-action';
import { Rule, Sources } from './rule';

const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'];

/** @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html */
export const cfnCapabilities: Rule = {
  id: 'cfn-capabilities',
  severity: 'error',
  description: 'Capabilities are known values, comma separated without spaces',
  limit: CAPABILITIES.join(', '),
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const { stage, action } of cloudFormationActions(pipeline)) {
      const value = action.configuration.Capabilities;
      // An empty Capabilities is configuration-lengths' finding (values take 1–1000): one finding per mistake.
      if (value === undefined || isUnknown(value) || value === '') continue;
      const text = String(value);
      if (/\s/.test(text)) {
        yield { stage, action, message: `Capabilities "${text}" contains spaces`, fix: `separate capabilities with commas only, e.g. "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND".` };
        continue;
      }
      const unknown = text.split(',').filter((c) => !CAPABILITIES.includes(c));
      if (unknown.length > 0) {
        yield { stage, action, message: `Capabilities "${text}" has unknown value${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}`, fix: `use ${CAPABILITIES.join(', ')}.` };
      }
    }
  },
};
