import { ActionModel, PipelineModel, StageModel } from '../model/pipeline-model';
import { describeValue } from '../model/values';
import { runOrderOf } from '../model/walk';
import { CloudFormationMode, cloudFormationActions, stackPlacementOf } from './cloudformation-action';
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
  /** The stack's name, account and region, as one key. */
  readonly key: string;
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
    // Most pipelines delete no stack: then there is nothing to compare, and no placement to read.
    if (!cloudFormationActions(pipeline).some((place) => place.mode === 'DELETE_ONLY')) return;
    const actions = stackActions(pipeline);
    // One index of the deploys by stack, so that the rule stays linear in the pipeline's actions.
    const deploysByStack = new Map<string, StackAction[]>();
    for (const deploy of actions) {
      if (!DEPLOY_MODES.includes(deploy.mode)) continue;
      const list = deploysByStack.get(deploy.key);
      if (list) list.push(deploy);
      else deploysByStack.set(deploy.key, [deploy]);
    }
    for (const deletion of actions) {
      if (deletion.mode !== 'DELETE_ONLY') continue;
      const deployer = deploysByStack.get(deletion.key)?.find((deploy) => conflicts(deploy, deletion));
      if (!deployer) continue;
      const where = `${deletion.account}, ${deletion.region}`;
      const deployerAction = describeValue(deployer.action.name);
      if (deployer.stage === deletion.stage) {
        yield {
          stage: deletion.stage,
          action: deletion.action,
          message: `the action deletes stack "${deletion.stackName}" (${where}) at runOrder ${runOrderOf(deletion.action)}, and action "${deployerAction}" of the same stage deploys it (${deployer.mode}) at the same runOrder: the two run at the same time`,
          fix: 'give the delete a higher runOrder than the deploy, or give one of the two stacks another StackName.',
        };
      } else {
        yield {
          stage: deletion.stage,
          action: deletion.action,
          message: `the action deletes stack "${deletion.stackName}" (${where}), which stage "${describeValue(deployer.stage.name)}", action "${deployerAction}" deploys (${deployer.mode}): every release would delete the stack that stage deploys`,
          fix: `give the stack this stage deletes (a test stack) its own StackName, or deploy it to another account or region than "${deletion.stackName}".`,
        };
      }
    }
  },
};

/** Every CloudFormation action whose mode, stack name, account and region are literal (or the pipeline's). */
function stackActions(pipeline: PipelineModel): StackAction[] {
  const result: StackAction[] = [];
  for (const { stage, action, mode } of cloudFormationActions(pipeline)) {
    const placement = stackPlacementOf(pipeline, action);
    const stackName = placement.stackName;
    // An action without a role or Region runs in the pipeline's, which is the same for every such action.
    const account = placement.account !== undefined ? `account ${placement.account}` : placement.inPipelineAccount ? PIPELINE_ACCOUNT : undefined;
    const region = placement.region ?? (placement.inPipelineRegion ? PIPELINE_REGION : undefined);
    if (mode === undefined || !stackName || account === undefined || region === undefined) continue;
    result.push({ stage, action, mode, stackName, account, region, key: JSON.stringify([stackName, account, region]) });
  }
  return result;
}

/** A deploy in another stage, or in the deleting stage at the same runOrder. */
function conflicts(deployer: StackAction, deletion: StackAction): boolean {
  if (deployer.stage !== deletion.stage) return true;
  const deployOrder = runOrderOf(deployer.action);
  return deployOrder !== undefined && deployOrder === runOrderOf(deletion.action);
}
