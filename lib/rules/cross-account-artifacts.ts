import { known } from '../model/values';
import { allActions } from '../model/walk';
import { accountOfAction } from './account-of-action';
import { Rule, Sources } from './rule';

/**
 * An artifact cannot pass between two accounts when neither is the pipeline's.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 */
export const crossAccountArtifacts: Rule = {
  id: 'cross-account-artifacts',
  severity: 'error',
  description: 'No artifact passes between two accounts that are both not the pipeline\'s',
  limit: 'one side is the pipeline account',
  source: Sources.CROSS_ACCOUNT,
  *check(pipeline) {
    const pipelineAccount = pipeline.context.account;
    if (pipelineAccount === undefined) return;
    const producerAccount = new Map<string, string>();
    for (const { action } of allActions(pipeline)) {
      const account = accountOfAction(pipeline, action);
      for (const artifact of action.outputArtifacts) {
        const name = known(artifact.name);
        if (name !== undefined && account !== undefined && !producerAccount.has(name)) producerAccount.set(name, account);
      }
    }
    for (const { stage, action } of allActions(pipeline)) {
      const consumer = accountOfAction(pipeline, action);
      if (consumer === undefined || consumer === pipelineAccount) continue;
      for (const artifact of action.inputArtifacts) {
        const name = known(artifact.name);
        const producer = name === undefined ? undefined : producerAccount.get(name);
        if (producer === undefined || producer === pipelineAccount || producer === consumer) continue;
        yield {
          stage,
          action,
          message: `input artifact "${name}" is produced in account ${producer} and consumed in account ${consumer}; neither is the pipeline's account (${pipelineAccount})`,
          fix: 'produce the artifact in the pipeline account, or consume it in the account that produced it.',
        };
      }
    }
  },
};
