import { accountOfArn, known } from '../model/values';
import { accountOfAction } from './account-of-action';
import { cloudFormationActions } from './cloudformation-action';
import { Rule, Sources } from './rule';

/**
 * The stack's service role (configuration RoleArn) is passed by the action's role, and iam:PassRole
 * does not cross accounts: both must be in one account.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export const cfnRoleAccount: Rule = {
  id: 'cfn-role-account',
  severity: 'error',
  description: 'The stack role (RoleArn) is in the action role\'s account',
  limit: 'same account',
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    for (const { stage, action } of cloudFormationActions(pipeline)) {
      const stackRoleAccount = accountOfArn(known(action.configuration.RoleArn as string | undefined));
      if (stackRoleAccount === undefined) continue;
      const actionAccount = accountOfAction(pipeline, action);
      if (actionAccount === undefined || actionAccount === stackRoleAccount) continue;
      yield {
        stage,
        action,
        message: `the stack role (RoleArn) is in account ${stackRoleAccount} but the action runs as a role in account ${actionAccount}; a role cannot pass a role of another account`,
        fix: `give the action a role in account ${stackRoleAccount} (the action's roleArn), or use a stack role in account ${actionAccount}.`,
      };
    }
  },
};
