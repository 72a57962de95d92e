import { describeLiteral, isUnknown } from '../model/values';
import { allActions, categoryOf } from '../model/walk';
import { Rule, Sources } from './rule';

/** The API's range for an action's timeoutInMinutes (manual approvals only). */
export const MIN_ACTION_TIMEOUT_MINUTES = 5;
export const MAX_ACTION_TIMEOUT_MINUTES = 86400;

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html */
export const actionTimeout: Rule = {
  id: 'action-timeout',
  severity: 'error',
  description: 'Action timeoutInMinutes',
  limit: 'whole number 5–86400 minutes, manual approvals only',
  source: Sources.API,
  *check(pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      const value = action.timeoutInMinutes;
      if (value === undefined || isUnknown(value)) continue;
      const category = categoryOf(action);
      if (category !== undefined && category !== 'Approval') {
        yield {
          stage,
          action,
          message: `timeoutInMinutes is set on a ${category} action; the API accepts it only on manual approval actions`,
          fix: 'remove timeoutInMinutes from this action (its provider sets its own timeout).',
        };
        continue;
      }
      if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_ACTION_TIMEOUT_MINUTES || value > MAX_ACTION_TIMEOUT_MINUTES) {
        yield {
          stage,
          action,
          message: `timeoutInMinutes ${describeLiteral(value)} is not a whole number from 5 to 86400 (60 days)`,
          fix: 'use a timeout between 5 minutes and 60 days, or leave it out for the action type\'s default.',
        };
      }
    }
  },
};
