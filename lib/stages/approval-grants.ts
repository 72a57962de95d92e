import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * Who may answer a stage's approval. Grants can be asked for from the stage's creation on, but
 * aws-cdk-lib can only make them once the approval action is in a pipeline: until then they wait.
 */
export class ApprovalGrants {
  private action?: codepipeline_actions.ManualApprovalAction;
  private inPipeline = false;
  private readonly pending: iam.IGrantable[] = [];

  /** Lets `grantee` approve or reject the approval (now, or once it is in a pipeline). */
  public grant(grantee: iam.IGrantable): void {
    if (this.action && this.inPipeline) this.action.grantManualApproval(grantee);
    else this.pending.push(grantee);
  }

  /** Called when the stage creates its approval action. */
  public attach(action: codepipeline_actions.ManualApprovalAction): void {
    this.action = action;
  }

  /** Called once the action's stage exists in a pipeline: makes the grants asked for so far. */
  public applyInPipeline(): void {
    if (!this.action) return;
    this.inPipeline = true;
    for (const grantee of this.pending.splice(0)) this.action.grantManualApproval(grantee);
  }
}
