import { describeLiteral, isUnknown } from '../model/values';
import { allActions } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html */
export const runOrder: Rule = {
  id: 'run-order',
  severity: 'error',
  description: 'Action runOrder',
  limit: 'whole number 1–999',
  source: Sources.API,
  *check(pipeline) {
    for (const { stage, action } of allActions(pipeline)) {
      const value = action.runOrder;
      if (value === undefined || isUnknown(value)) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 999) {
        yield {
          stage,
          action,
          message: `runOrder ${describeLiteral(value)} is not a whole number from 1 to 999`,
          fix: 'use 1 for the first actions of the stage, and higher numbers (at most 999) for actions that run after them.',
        };
      }
    }
  },
};
