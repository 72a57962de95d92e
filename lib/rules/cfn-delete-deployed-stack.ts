import { ActionModel, PipelineModel, StageModel } from '../model/pipeline-model';
import { known, knownText } from '../model/values';
import { runOrderOf } from '../model/walk';
import { accountOfAction } from './account-of-action';
import { CloudFormationMode, cloudFormationActions } from './cloudformation-action';
import { Rule, Sources } from './rule';

/** Modes that leave a stack deployed. */
const DEPLOY_MODES: readonly CloudFormationMode[] = ['CREATE_UPDATE', 'REPLACE_ON_FAILURE', 'CHANGE_SET_REPLACE', 'CHANGE_SET_EXECUTE'];

/** Stands for the pipeline's own account or region when the model does not know it literally. */
const PIPELINE_ACCOUNT = 'the pipeline\'s account';
const PIPELINE_REGION = 'the pipeline\'s region';

interface StackAction {
  readonly stage: StageModel;
  readonly action: ActionModel;
  readonly mode: CloudFormationMode;
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
}

/**
 * A DELETE_ONLY action does not delete a stack that another CloudFormation action of the pipeline
 * deploys into the same account and region. CodePipeline accepts such a pipeline, and every release
 * then deletes that stack: typically a test stack given the production stack's name.
 *
 * Not reported: the test-stack pattern, where one stage deploys a stack and later (a higher runOrder)
 * deletes it; and a stage that deletes a stack and then deploys it again (a higher runOrder), a
 * deliberate re-create whose two steps sit side by side. Reported: a deploy in any other stage (the
 * stages of successive releases run at the same time, and the stack one stage leaves deployed is the
 * one the other deletes), and a deploy in the same stage at the same runOrder (the two run at once).
 * Actions whose stack name, account or region is only known at deploy time are skipped.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
 */
export const cfnDeleteDeployedStack: Rule = {
  id: 'cfn-delete-deployed-stack',
  severity: 'error',
  description: 'A DELETE_ONLY action does not delete a stack another stage deploys (same account and region)',
  limit: 'deployed only in the deleting stage, at a different runOrder',
  source: Sources.CLOUDFORMATION,
  *check(pipeline) {
    const actions = stackActions(pipeline);
    for (const deletion of actions.filter((a) => a.mode === 'DELETE_ONLY')) {
      const deployer = actions.find((a) => DEPLOY_MODES.includes(a.mode) && sameStack(a, deletion) && conflicts(a, deletion));
      if (!deployer) continue;
      const where = `${deletion.account}, ${deletion.region}`;
      if (deployer.stage === deletion.stage) {
        yield {
          stage: deletion.stage,
          action: deletion.action,
          message: `the action deletes stack "${deletion.stackName}" (${where}) at runOrder ${runOrderOf(deletion.action)}, and action "${known(deployer.action.name)}" of the same stage deploys it (${deployer.mode}) at the same runOrder: the two run at the same time`,
          fix: 'give the delete a higher runOrder than the deploy, or give one of the two stacks another StackName.',
        };
      } else {
        yield {
          stage: deletion.stage,
          action: deletion.action,
          message: `the action deletes stack "${deletion.stackName}" (${where}), which stage "${known(deployer.stage.name)}", action "${known(deployer.action.name)}" deploys (${deployer.mode}): every release would delete the stack that stage deploys`,
          fix: `give the stack this stage deletes (a test stack) its own StackName, or deploy it to another account or region than "${deletion.stackName}".`,
        };
      }
    }
  },
};

/** Every CloudFormation action whose mode, stack name, account and region are literal. */
function stackActions(pipeline: PipelineModel): StackAction[] {
  const result: StackAction[] = [];
  for (const { stage, action, mode } of cloudFormationActions(pipeline)) {
    const stackName = knownText(action.configuration.StackName);
    const account = accountOf(pipeline, action);
    const region = regionOf(pipeline, action);
    if (mode === undefined || !stackName || account === undefined || region === undefined) continue;
    result.push({ stage, action, mode, stackName, account, region });
  }
  return result;
}

/** `account 222222222222`; the pipeline's account (also when unknown) for an action without a role. */
function accountOf(pipeline: PipelineModel, action: ActionModel): string | undefined {
  const account = accountOfAction(pipeline, action);
  if (account !== undefined) return `account ${account}`;
  return action.roleArn === undefined ? PIPELINE_ACCOUNT : undefined;
}

/** The action's region; the pipeline's (also when unknown) for an action without one. */
function regionOf(pipeline: PipelineModel, action: ActionModel): string | undefined {
  if (action.region === undefined) return pipeline.context.region ?? PIPELINE_REGION;
  return known(action.region);
}

function sameStack(a: StackAction, b: StackAction): boolean {
  return a.stackName === b.stackName && a.account === b.account && a.region === b.region;
}

/** A deploy in another stage, or in the deleting stage at the same runOrder. */
function conflicts(deployer: StackAction, deletion: StackAction): boolean {
  if (deployer.stage !== deletion.stage) return true;
  const deployOrder = runOrderOf(deployer.action);
  return deployOrder !== undefined && deployOrder === runOrderOf(deletion.action);
}
