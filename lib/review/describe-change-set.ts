import { CloudFormationClient, DescribeChangeSetCommand, DescribeChangeSetOutput } from '@aws-sdk/client-cloudformation';
import { ChangeInput, ChangeSetInput } from './change-set-review';

export type CloudFormationApi = Pick<CloudFormationClient, 'send'>;

/** A change set read whole, or undefined when CloudFormation has no such change set or stack. */
export interface DescribedChangeSet {
  readonly changeSet?: ChangeSetInput;
  /** DescribeChangeSet calls made (one per page). */
  readonly calls: number;
}

/**
 * Every page of DescribeChangeSet (NextToken), the changes joined in order. Property values are not
 * asked for (IncludePropertyValues): the review needs the changed properties' names, and values can
 * hold secrets passed as parameters.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeChangeSet.html
 */
export async function describeWholeChangeSet(client: CloudFormationApi, stackName: string, changeSetName: string): Promise<DescribedChangeSet> {
  const changes: ChangeInput[] = [];
  let first: DescribeChangeSetOutput | undefined;
  let nextToken: string | undefined;
  let calls = 0;
  do {
    let page: DescribeChangeSetOutput;
    try {
      calls += 1;
      page = await client.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName, ...(nextToken ? { NextToken: nextToken } : {}) }));
    } catch (error) {
      if (isNotFound(error)) return { calls };
      throw error;
    }
    first ??= page;
    changes.push(...(page.Changes ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  // The page's token and the SDK's response metadata are not part of the change set.
  const { NextToken: _, $metadata: __, ...rest } = first as DescribeChangeSetOutput & { $metadata?: unknown };
  return { changeSet: { ...rest, Changes: changes }, calls };
}

/** ChangeSetNotFound, or the ValidationError CloudFormation answers for a stack that does not exist. */
function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | undefined;
  return e?.name === 'ChangeSetNotFoundException' || (e?.name === 'ValidationError' && /does not exist/.test(e.message ?? ''));
}
