import { Stack } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { summarizePipeline } from './diagram/summary';
import { pipelineModelOf } from './model/from-cdk';

/**
 * A compact, stable, human-readable text of every CodePipeline pipeline in a stack — stages, actions
 * in run order, artifacts, target accounts, roles and configuration — for jest snapshots. Unlike a
 * template snapshot it has no asset hashes and no logical-ID hash suffixes, so a CI diff shows what
 * changed in the release process and nothing else.
 *
 * @example
 * expect(pipelineSummary(stack)).toMatchSnapshot();
 */
export function pipelineSummary(stack: Stack): string {
  const pipelines = stack.node
    .findAll()
    .filter((c): c is CfnPipeline => CfnPipeline.isCfnPipeline(c) && Stack.of(c) === stack);
  if (pipelines.length === 0) {
    throw new Error(`pipelineSummary: stack ${stack.node.path} has no CodePipeline pipeline; pass the stack that defines it.`);
  }
  return pipelines.map((pipeline) => summarizePipeline(pipelineModelOf(pipeline))).join('\n');
}
