import * as fs from 'fs';

/**
 * A pipeline declaration (the shape `aws codepipeline get-pipeline` prints under `pipeline`) with one
 * stage of `actions` CloudFormation actions spread evenly over `runOrders` run orders, after a source
 * stage. Far beyond the service's quotas on purpose: the diagrams must still draw it in time linear
 * in its size.
 */
export function largeStageDeclaration(actions: number, runOrders: number): Record<string, unknown> {
  const perRow = Math.ceil(actions / runOrders);
  const deploys = Array.from({ length: actions }, (_, i) => ({
    name: `Deploy${i}`,
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
    runOrder: 1 + Math.floor(i / perRow),
    configuration: { ActionMode: 'CREATE_UPDATE', StackName: `stack-${i}` },
    roleArn: 'arn:aws:iam::222222222222:role/deploy',
    inputArtifacts: [{ name: 'Src' }],
  }));
  return {
    name: 'Large',
    roleArn: 'arn:aws:iam::111111111111:role/pipeline',
    artifactStore: { type: 'S3', location: 'artifacts' },
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'Fetch',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
            configuration: { S3Bucket: 'src', S3ObjectKey: 'a.zip' },
            outputArtifacts: [{ name: 'Src' }],
          },
        ],
      },
      { name: 'Deploy', actions: deploys },
    ],
  };
}

// `node -r esbuild-register test/diagram/large-stage.ts ACTIONS RUN_ORDERS FILE` writes one, for
// timing `pipectl diagram FILE` by hand.
if (require.main === module) {
  const [actions, runOrders, file] = process.argv.slice(2);
  fs.writeFileSync(file, JSON.stringify(largeStageDeclaration(Number(actions), Number(runOrders))));
}
