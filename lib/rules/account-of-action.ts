import { ActionModel, PipelineModel } from '../model/pipeline-model';
import { accountOfArn } from '../model/values';

/**
 * The account an action runs in: its role's account, or the pipeline's when it has no role (it then
 * runs as the pipeline role). Undefined when either is unknown.
 */
export function accountOfAction(pipeline: PipelineModel, action: ActionModel): string | undefined {
  return action.roleArn !== undefined ? accountOfArn(action.roleArn) : pipeline.context.account;
}
