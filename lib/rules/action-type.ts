import { describeLiteral, isUnknown } from '../model/values';
import { allActions } from '../model/walk';
import { Rule, Sources, Violation } from './rule';

const CATEGORIES = ['Source', 'Build', 'Deploy', 'Test', 'Invoke', 'Approval', 'Compute'];
const OWNERS = ['AWS', 'ThirdParty', 'Custom'];

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionTypeId.html */
export const actionType: Rule = {
  id: 'action-type',
  severity: 'error',
  description: 'Action type: category, owner, provider and version',
  limit: `category ${CATEGORIES.join('|')}; owner ${OWNERS.join('|')}; provider 1–35 and version 1–9 of [A-Za-z0-9_-]`,
  source: Sources.API,
  *check(pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      const { category, owner, provider, version } = action.actionTypeId;
      const problems: Array<Omit<Violation, 'stage' | 'action'>> = [];
      if (!isUnknown(category) && !CATEGORIES.includes(category as string)) {
        problems.push({ message: `action category ${describeLiteral(category)} is not one of ${CATEGORIES.join(', ')}`, fix: 'use one of the categories the API defines.' });
      }
      if (!isUnknown(owner) && !OWNERS.includes(owner as string)) {
        problems.push({ message: `action owner ${describeLiteral(owner)} is not one of ${OWNERS.join(', ')}`, fix: 'use AWS for AWS services, ThirdParty or Custom otherwise.' });
      }
      if (!isUnknown(provider) && !/^[0-9A-Za-z_-]{1,35}$/.test(String(provider ?? ''))) {
        problems.push({ message: `action provider ${describeLiteral(provider)} is not 1–35 letters, digits, "_" or "-"`, fix: 'use the provider name of the action type, e.g. CloudFormation.' });
      }
      if (!isUnknown(version) && !/^[0-9A-Za-z_-]{1,9}$/.test(String(version ?? ''))) {
        problems.push({ message: `action type version ${describeLiteral(version)} is not 1–9 letters, digits, "_" or "-"`, fix: 'use the action type\'s version, "1" for AWS actions.' });
      }
      for (const problem of problems) yield { stage, action, ...problem };
    }
  },
};
