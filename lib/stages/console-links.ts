/**
 * Links to the CloudFormation console, used as the default review URL (ExternalEntityLink) of an
 * approval. The console opens in the account the reviewer is signed in to: the approval's default
 * comments name the account to switch to.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-action-add.html
 */
export function stackConsoleUrl(region: string, stackName: string): string {
  return `${consoleHome(region)}#/stacks/stackinfo?stackId=${encodeURIComponent(stackName)}`;
}

/** The change set's page: its changes, for the reviewer to approve. */
export function changeSetConsoleUrl(region: string, stackName: string, changeSetName: string): string {
  return `${consoleHome(region)}#/stacks/changesets/changes?stackId=${encodeURIComponent(stackName)}&changeSetId=${encodeURIComponent(changeSetName)}`;
}

function consoleHome(region: string): string {
  return `https://${region}.console.aws.amazon.com/cloudformation/home?region=${region}`;
}
