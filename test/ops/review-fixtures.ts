import { ActionDeclaration, GetPipelineOutput } from '@aws-sdk/client-codepipeline';

/**
 * A release pipeline of the identity `release` in us-east-1 whose ProdStage is a wave of two change
 * sets (one in the pipeline's account and Region, one in a production account in eu-west-1), one
 * approval naming both, then their execution.
 */
export const PIPELINE_ACCOUNT = '111111111111';
export const PROD_ACCOUNT = '333333333333';
export const PROD_ROLE = `arn:aws:iam::${PROD_ACCOUNT}:role/release-deploy-action-eu-west-1`;

const changeSetAction = (name: string, mode: string, stack: string, extra: object = {}, runOrder = 1): ActionDeclaration => ({
  name,
  actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' } as ActionDeclaration['actionTypeId'],
  runOrder,
  configuration: { ActionMode: mode, StackName: stack, ChangeSetName: 'release', ...(mode === 'CHANGE_SET_REPLACE' ? { TemplatePath: 'Build::app.json', RoleArn: 'arn:aws:iam::x:role/cfn' } : {}) },
  inputArtifacts: mode === 'CHANGE_SET_REPLACE' ? [{ name: 'Build' }] : [],
  ...extra,
});

export function releasePipeline(): GetPipelineOutput {
  const prod = { roleArn: PROD_ROLE, region: 'eu-west-1' };
  return {
    pipeline: {
      name: 'Release',
      roleArn: `arn:aws:iam::${PIPELINE_ACCOUNT}:role/release-pipeline`,
      artifactStore: { type: 'S3', location: 'release-artifacts' },
      version: 4,
      stages: [
        {
          name: 'Source',
          actions: [
            {
              name: 'Source',
              actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
              configuration: { S3Bucket: 'release-source', S3ObjectKey: 'app.zip' },
              outputArtifacts: [{ name: 'Build' }],
            },
          ],
        },
        {
          name: 'ProdStage',
          actions: [
            changeSetAction('CreateChangeSet-tools', 'CHANGE_SET_REPLACE', 'app-tools'),
            changeSetAction('CreateChangeSet-prod', 'CHANGE_SET_REPLACE', 'app-prod', prod),
            { name: 'ApproveChangeSets', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }, runOrder: 2 },
            changeSetAction('ExecuteChangeSet-tools', 'CHANGE_SET_EXECUTE', 'app-tools', {}, 3),
            changeSetAction('ExecuteChangeSet-prod', 'CHANGE_SET_EXECUTE', 'app-prod', prod, 3),
          ],
        },
      ],
    },
    metadata: { pipelineArn: `arn:aws:codepipeline:us-east-1:${PIPELINE_ACCOUNT}:Release` },
  };
}

/**
 * The production account as a target in two Regions: WaveStage creates a change set in us-east-1
 * (the pipeline's Region: roles `release-…`) and two in eu-west-1 (roles `release-…-eu-west-1`), in
 * a pipeline of partition `partition`.
 */
export function twoRegionWave(partition = 'aws', pipelineRegion = 'us-east-1', otherRegion = 'eu-west-1'): GetPipelineOutput {
  const here = { roleArn: `arn:${partition}:iam::${PROD_ACCOUNT}:role/release-deploy-action` };
  const there = { roleArn: `arn:${partition}:iam::${PROD_ACCOUNT}:role/release-deploy-action-${otherRegion}`, region: otherRegion };
  return {
    pipeline: {
      name: 'Release',
      roleArn: `arn:${partition}:iam::${PIPELINE_ACCOUNT}:role/release-pipeline`,
      artifactStore: { type: 'S3', location: 'release-artifacts' },
      version: 1,
      stages: [
        {
          name: 'Source',
          actions: [
            { name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { S3Bucket: 'release-source', S3ObjectKey: 'app.zip' }, outputArtifacts: [{ name: 'Build' }] },
          ],
        },
        {
          name: 'WaveStage',
          actions: [
            changeSetAction('Create-app-home', 'CHANGE_SET_REPLACE', 'app-home', here),
            changeSetAction('Create-app-away', 'CHANGE_SET_REPLACE', 'app-away', there),
            changeSetAction('Create-app-away-web', 'CHANGE_SET_REPLACE', 'app-away-web', there),
          ],
        },
      ],
    },
    metadata: { pipelineArn: `arn:${partition}:codepipeline:${pipelineRegion}:${PIPELINE_ACCOUNT}:Release` },
  };
}
