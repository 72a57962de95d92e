import { approvalInSourceStage } from '../../lib/rules/approval-in-source-stage';
import { artifactCounts } from '../../lib/rules/artifact-counts';
import { artifactFlow } from '../../lib/rules/artifact-flow';
import { sourceStage } from '../../lib/rules/source-stage';
import { uniqueActionNames } from '../../lib/rules/unique-action-names';
import { uniqueOutputArtifacts } from '../../lib/rules/unique-output-artifacts';
import { uniqueStageNames } from '../../lib/rules/unique-stage-names';
import { SOURCE, approval, cfnDeploy, check, codeBuild, finding, pipeline, s3Source, stage } from './builder';

describe('unique-stage-names', () => {
  test('two stages with one name are an error on the second', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy()), stage('Deploy', approval())] });
    expect(check(model, uniqueStageNames)).toEqual([
      finding('unique-stage-names', { stage: 'Deploy' }, `stage name "Deploy" is used more than once in the pipeline (${SOURCE.STRUCTURE}). Fix: give each stage its own name.`),
    ]);
  });

  test('distinct stage names pass', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy()), stage('Approve', approval())] });
    expect(check(model, uniqueStageNames)).toEqual([]);
  });
});

describe('unique-action-names', () => {
  test('two actions with one name in a stage are an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy(), approval('Deploy', { runOrder: 2 }))] });
    expect(check(model, uniqueActionNames)).toEqual([
      finding('unique-action-names', { stage: 'Deploy', action: 'Deploy' }, `action name "Deploy" is used more than once in the stage (${SOURCE.STRUCTURE}). Fix: give each action of a stage its own name.`),
    ]);
  });

  test('one action name in two different stages passes', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Run')), stage('Approve', approval('Run'))] });
    expect(check(model, uniqueActionNames)).toEqual([]);
  });
});

describe('unique-output-artifacts', () => {
  test('an output artifact name produced twice is an error naming the first producer', () => {
    const model = pipeline({
      stages: [stage('Source', s3Source()), stage('Build', codeBuild('Build', { outputs: ['Source'] }))],
    });
    expect(check(model, uniqueOutputArtifacts)).toEqual([
      finding('unique-output-artifacts', { stage: 'Build', action: 'Build' }, `output artifact "Source" is also produced by stage "Source", action "Source" (${SOURCE.STRUCTURE}). Fix: give each output artifact a name used once in the whole pipeline.`),
    ]);
  });

  test('distinct output names pass', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Build', codeBuild('Build', { outputs: ['Built'] }))] });
    expect(check(model, uniqueOutputArtifacts)).toEqual([]);
  });
});

describe('source-stage', () => {
  test('a first stage without source actions is an error, as is each non-source action in it', () => {
    const model = pipeline({ stages: [stage('Build', codeBuild('Build', { inputs: [] })), stage('Deploy', cfnDeploy())] });
    expect(check(model, sourceStage)).toEqual([
      finding('source-stage', { stage: 'Build' }, `the first stage has no source action (${SOURCE.STRUCTURE}). Fix: start the pipeline with a stage of source actions (S3, CodeCommit, ECR or a CodeStar connection).`),
      finding('source-stage', { stage: 'Build', action: 'Build' }, `a Build action is in the first stage, which may hold only source actions (${SOURCE.STRUCTURE}). Fix: move it to a later stage.`),
    ]);
  });

  test('a source action outside the first stage is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy(), s3Source('Config', { outputs: ['Config'] }))] });
    expect(check(model, sourceStage)).toEqual([
      finding('source-stage', { stage: 'Deploy', action: 'Config' }, `a source action is outside the first stage (${SOURCE.STRUCTURE}). Fix: move every source action into the first stage.`),
    ]);
  });

  test('several source actions in the first stage pass', () => {
    const model = pipeline({ stages: [stage('Source', s3Source(), s3Source('Config', { outputs: ['Config'] })), stage('Deploy', cfnDeploy())] });
    expect(check(model, sourceStage)).toEqual([]);
  });
});

describe('approval-in-source-stage', () => {
  test('an approval in the source stage is an error of its own rule, not of source-stage', () => {
    const model = pipeline({ stages: [stage('Source', s3Source(), approval('Approve', { runOrder: 2 })), stage('Deploy', cfnDeploy())] });
    expect(check(model, approvalInSourceStage)).toEqual([
      finding('approval-in-source-stage', { stage: 'Source', action: 'Approve' }, `an approval action is in the source stage (${SOURCE.STRUCTURE}). Fix: move the approval to a stage after the source stage.`),
    ]);
    expect(check(model, sourceStage)).toEqual([]);
  });

  test('an approval in a later stage passes', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Approve', approval()), stage('Deploy', cfnDeploy())] });
    expect(check(model, approvalInSourceStage)).toEqual([]);
  });
});

describe('artifact-counts', () => {
  test('a CodeBuild action without input is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Build', codeBuild('Build', { inputs: [] }))] });
    expect(check(model, artifactCounts)).toEqual([
      finding('artifact-counts', { stage: 'Build', action: 'Build' }, `a Build CodeBuild action has 0 input artifacts; it takes 1–5 (${SOURCE.ARTIFACTS}). Fix: add an input artifact.`),
    ]);
  });

  test('a CloudFormation action with two outputs and a source with an input are errors', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source('Source', { inputs: ['Other'] })),
        stage('Deploy', cfnDeploy('Deploy', { outputs: ['Outputs', 'More'] })),
      ],
    });
    expect(check(model, artifactCounts)).toEqual([
      finding('artifact-counts', { stage: 'Source', action: 'Source' }, `a Source S3 action has 1 input artifact; it takes exactly 0 (${SOURCE.ARTIFACTS}). Fix: remove input artifacts down to 0.`),
      finding('artifact-counts', { stage: 'Deploy', action: 'Deploy' }, `a Deploy CloudFormation action has 2 output artifacts; it takes 0–1 (${SOURCE.ARTIFACTS}). Fix: remove output artifacts down to 1.`),
    ]);
  });

  test('an approval with an output artifact is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Approve', approval('Approve', { outputs: ['Decision'] }))] });
    expect(check(model, artifactCounts)).toEqual([
      finding('artifact-counts', { stage: 'Approve', action: 'Approve' }, `an Approval Manual action has 1 output artifact; it takes exactly 0 (${SOURCE.ARTIFACTS}). Fix: remove output artifacts down to 0.`),
    ]);
  });

  test('counts within the provider\'s range pass, and unknown providers are not checked', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('Build', codeBuild('Build', { outputs: ['A', 'B', 'C', 'D', 'E'] })),
        stage('Deploy', cfnDeploy('Deploy', { inputs: ['Source', 'A', 'B'], outputs: ['StackOutputs'] }), approval('Other', { type: { provider: 'SomethingNew' }, outputs: ['X', 'Y'] })),
      ],
    });
    expect(check(model, artifactCounts)).toEqual([]);
  });
});

describe('artifact-flow', () => {
  const fix = 'move the producing action to an earlier stage, or give it a lower runOrder in the same stage.';

  test('an input produced in a LATER stage is an error (aws-cdk-lib only checks within a stage)', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('Deploy', cfnDeploy('Deploy', { inputs: ['Source', 'Built'] })),
        stage('Build', codeBuild('Build', { outputs: ['Built'] })),
      ],
    });
    expect(check(model, artifactFlow)).toEqual([
      finding('artifact-flow', { stage: 'Deploy', action: 'Deploy' }, `input artifact "Built" is produced by stage "Build", action "Build", which is in a later stage (${SOURCE.STRUCTURE}). Fix: ${fix}`),
    ]);
  });

  test('an input produced in the same stage at the same or a later runOrder is an error', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('Build',
          codeBuild('Build', { outputs: ['Built'], runOrder: 2 }),
          cfnDeploy('Same', { inputs: ['Built'], configuration: { TemplatePath: 'Built::template.yaml' }, runOrder: 2 }),
          cfnDeploy('Earlier', { inputs: ['Built'], configuration: { TemplatePath: 'Built::template.yaml' }, runOrder: 1 })),
      ],
    });
    expect(check(model, artifactFlow)).toEqual([
      finding('artifact-flow', { stage: 'Build', action: 'Same' }, `input artifact "Built" is produced by stage "Build", action "Build", which runs at the same time (runOrder 2) (${SOURCE.STRUCTURE}). Fix: ${fix}`),
      finding('artifact-flow', { stage: 'Build', action: 'Earlier' }, `input artifact "Built" is produced by stage "Build", action "Build", which runs later (runOrder 2 > 1) (${SOURCE.STRUCTURE}). Fix: ${fix}`),
    ]);
  });

  test('an input nothing produces is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { inputs: ['Source', 'Missing'] }))] });
    expect(check(model, artifactFlow)).toEqual([
      finding('artifact-flow', { stage: 'Deploy', action: 'Deploy' }, `input artifact "Missing" is not the output of any action in the pipeline (${SOURCE.STRUCTURE}). Fix: use the name of an earlier action's output artifact, or add an action that outputs "Missing".`),
    ]);
  });

  test('inputs from an earlier stage or a lower runOrder in the same stage pass', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('Build', codeBuild('Build', { outputs: ['Built'] }), cfnDeploy('Deploy', { inputs: ['Source', 'Built'], runOrder: 2 })),
      ],
    });
    expect(check(model, artifactFlow)).toEqual([]);
  });
});
