import { Token } from 'aws-cdk-lib';

/** The default comments (CustomData) of a test stack's approval. */
export function testStackComments(stackName: string, account: string | undefined, region: string): string {
  return `Review the test stack ${stackName} (${describePlacement(account, region)}). Approve to delete it and continue the release; reject to stop the release and keep the stack for investigation.`;
}

/** The default comments (CustomData) of a change set's approval. */
export function changeSetComments(stackName: string, changeSetName: string, account: string | undefined, region: string): string {
  return `Review change set ${changeSetName} of stack ${stackName} (${describePlacement(account, region)}). Approve to execute exactly this change set; reject to stop the release without changing the stack.`;
}

/** `account 222222222222, us-east-1`, or just the region when the account is not a literal. */
export function describePlacement(account: string | undefined, region: string): string {
  return account !== undefined && !Token.isUnresolved(account) ? `account ${account}, ${region}` : region;
}
