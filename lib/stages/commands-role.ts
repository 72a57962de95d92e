import { Stack, Validations } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ReleaseStageContext } from './release-stage';

/**
 * The Commands action's own role. aws-cdk-lib grants the action's role the logs of
 * `/aws/codepipeline/<pipeline name>`: granted to the pipeline role (which the pipeline depends on),
 * that reference to the pipeline is a dependency cycle CloudFormation refuses (aws/aws-cdk#34522).
 * A role of its own, assumed by the pipeline role only, breaks the cycle.
 */
export function commandsRole(where: string, context: ReleaseStageContext, stageName: string, actionName: string): iam.IRole {
  const pipeline = context.pipeline;
  if (!pipeline) {
    throw new Error(`${where}: the Commands step ${actionName} needs the pipeline its role is assumed by: add the stage to a ReleasePipeline rather than binding it alone.`);
  }
  const role = new iam.Role(context.scope, `${stageName}-${actionName}-CommandsRole`, {
    // The pipeline role alone, not its whole account: as aws-cdk-lib's own action roles under
    // @aws-cdk/aws-codepipeline:reduceStageRoleTrustScope.
    assumedBy: new iam.ArnPrincipal(pipeline.role.roleArn),
    description: `Runs the Commands action ${actionName} of stage ${stageName}`,
  });
  acknowledgeCommandsGrants(role, pipeline);
  return role;
}

/**
 * What aws-cdk-lib grants any Commands action's role, with the evidence cdk-nag asks for: the log
 * streams of the pipeline's log group and read access to the input artifact in the pipeline's
 * artifact bucket. The wildcards are names the service makes per run.
 */
function acknowledgeCommandsGrants(role: iam.Role, pipeline: codepipeline.Pipeline): void {
  const stack = Stack.of(pipeline);
  const logGroup = `arn:<AWS::Partition>:logs:${nagText(stack, stack.region)}:${nagText(stack, stack.account)}:log-group:/aws/codepipeline/${nagText(stack, pipeline.pipelineName)}:*`;
  const artifactRead = 'aws-cdk-lib\'s grant to a Commands action of its input artifact: read-only S3 calls on the pipeline\'s own artifact bucket, whose object keys CodePipeline generates per run.';
  Validations.of(role).acknowledge(
    {
      id: `AwsSolutions-IAM5[Resource::${logGroup}]`,
      reason: 'The Commands action writes its output to the log group /aws/codepipeline/<pipeline name>, in streams CodePipeline names per run; the grant is that one log group\'s streams.',
    },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: artifactRead })),
    { id: `AwsSolutions-IAM5[Resource::${nagText(stack, pipeline.artifactBucket.bucketArn)}/*]`, reason: artifactRead },
  );
}

/** A value as cdk-nag writes it in a finding's ID: `<LogicalId>` for a Ref, `<LogicalId.Attr>` for a GetAtt, `<AWS::Region>` for a pseudo parameter. */
function nagText(stack: Stack, value: string): string {
  const resolved: unknown = stack.resolve(value);
  if (typeof resolved === 'string') return resolved;
  const ref = (resolved as { Ref?: unknown }).Ref;
  if (typeof ref === 'string') return `<${ref}>`;
  const getAtt = (resolved as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return `<${getAtt.join('.')}>`;
  return JSON.stringify(resolved);
}
