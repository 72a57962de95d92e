import { actionTimeout } from '../../lib/rules/action-timeout';
import { actionsPerPipeline } from '../../lib/rules/actions-per-pipeline';
import { actionsPerStage } from '../../lib/rules/actions-per-stage';
import { configurationLengths } from '../../lib/rules/configuration-lengths';
import { parallelActions } from '../../lib/rules/parallel-actions';
import { pipelineTags } from '../../lib/rules/pipeline-tags';
import { runOrder } from '../../lib/rules/run-order';
import { sequentialActions } from '../../lib/rules/sequential-actions';
import { stageCount } from '../../lib/rules/stage-count';
import { SOURCE, approval, approvals, cfnDeploy, check, finding, intrinsic, pipeline, s3Source, stage, stages } from './builder';

const withDeployStage = (...actions: ReturnType<typeof approval>[]) => pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', ...actions)] });

describe('stage-count', () => {
  test('one stage is an error', () => {
    expect(check(pipeline({ stages: [stage('Source', s3Source())] }), stageCount)).toEqual([
      finding('stage-count', {}, `the pipeline has 1 stage; at least 2 are required (${SOURCE.QUOTAS}). Fix: add a source stage followed by at least one stage that builds, tests, approves or deploys.`),
    ]);
  });

  test('51 stages are an error under the current quotas; 50 pass', () => {
    expect(check(pipeline({ stages: stages(51) }), stageCount)).toEqual([
      finding('stage-count', {}, `the pipeline has 51 stages; the limit is 50 (${SOURCE.QUOTAS}). Fix: merge stages or split the release into several pipelines; if your account's quota was raised, set the maxStagesPerPipeline override.`),
    ]);
    expect(check(pipeline({ stages: stages(50) }), stageCount)).toEqual([]);
  });

  test('11 stages are an error under the classic quotas, citing the 2017 limits; 10 pass', () => {
    expect(check(pipeline({ stages: stages(11) }), stageCount, { profile: 'classic' })).toEqual([
      finding('stage-count', {}, `the pipeline has 11 stages; the limit is 10 (${SOURCE.CLASSIC}). Fix: merge stages or split the release into several pipelines; if your account's quota was raised, set the maxStagesPerPipeline override.`),
    ]);
    expect(check(pipeline({ stages: stages(10) }), stageCount, { profile: 'classic' })).toEqual([]);
  });

  test('a stage list only known at deploy time is not counted', () => {
    expect(check(pipeline({ stages: [], unresolvedParts: ['stages'] }), stageCount)).toEqual([]);
  });
});

describe('actions-per-pipeline', () => {
  const manyActions = (total: number) => {
    const list = [stage('Source', s3Source())];
    for (let left = total - 1, i = 2; left > 0; left -= 50, i++) list.push(stage(`Stage${i}`, ...approvals(Math.min(50, left), (n) => n + 1)));
    return pipeline({ stages: list });
  };

  test('501 actions are an error; 500 pass', () => {
    expect(check(manyActions(501), actionsPerPipeline)).toEqual([
      finding('actions-per-pipeline', {}, `the pipeline has 501 actions; the limit is 500 (${SOURCE.QUOTAS}). Fix: split the release into several pipelines; if your account's quota was raised, set the maxActionsPerPipeline override.`),
    ]);
    expect(check(manyActions(500), actionsPerPipeline)).toEqual([]);
  });

  test('a raised quota is honoured and cited as the user\'s override', () => {
    expect(check(manyActions(501), actionsPerPipeline, { overrides: { maxActionsPerPipeline: 600 } })).toEqual([]);
    expect(check(manyActions(501), actionsPerPipeline, { overrides: { maxActionsPerPipeline: 400 } })).toEqual([
      finding('actions-per-pipeline', {}, `the pipeline has 501 actions; the limit is 400 (${SOURCE.OVERRIDE}). Fix: split the release into several pipelines; if your account's quota was raised, set the maxActionsPerPipeline override.`),
    ]);
  });
});

describe('actions-per-stage', () => {
  test('an empty stage is an error', () => {
    expect(check(pipeline({ stages: [stage('Source', s3Source()), stage('Deploy')] }), actionsPerStage)).toEqual([
      finding('actions-per-stage', { stage: 'Deploy' }, `the stage has no actions; every stage needs at least 1 (${SOURCE.QUOTAS}). Fix: add an action to the stage or remove the stage.`),
    ]);
  });

  test('51 actions in a stage are an error under the current quotas; 50 pass', () => {
    const fix = 'move actions to another stage; if your account\'s quota was raised, set the maxActionsPerStage override.';
    expect(check(withDeployStage(...approvals(51, (i) => i + 1)), actionsPerStage)).toEqual([
      finding('actions-per-stage', { stage: 'Deploy' }, `the stage has 51 actions; the limit is 50 (${SOURCE.QUOTAS}). Fix: ${fix}`),
    ]);
    expect(check(withDeployStage(...approvals(50, (i) => i + 1)), actionsPerStage)).toEqual([]);
  });

  test('21 actions in a stage are an error under the classic quotas; 20 pass', () => {
    expect(check(withDeployStage(...approvals(21, (i) => (i % 5) + 1)), actionsPerStage, { profile: 'classic' })).toEqual([
      finding('actions-per-stage', { stage: 'Deploy' }, `the stage has 21 actions; the limit is 20 (${SOURCE.CLASSIC}). Fix: move actions to another stage; if your account's quota was raised, set the maxActionsPerStage override.`),
    ]);
    expect(check(withDeployStage(...approvals(20, (i) => (i % 5) + 1)), actionsPerStage, { profile: 'classic' })).toEqual([]);
  });

  test('a stage whose action list is only known at deploy time is not counted', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy')], unresolvedParts: ['stages[1].actions'] });
    expect(check(model, actionsPerStage)).toEqual([]);
  });
});

describe('parallel-actions', () => {
  const fix = 'give some of them a higher runOrder or move them to another stage; if your account\'s quota was raised, set the maxParallelActionsPerStage override.';

  test('51 actions sharing runOrder 1 are an error under the current quotas; 50 pass', () => {
    expect(check(withDeployStage(...approvals(51)), parallelActions)).toEqual([
      finding('parallel-actions', { stage: 'Deploy' }, `51 actions share runOrder 1; at most 50 may run in parallel (${SOURCE.QUOTAS}). Fix: ${fix}`),
    ]);
    expect(check(withDeployStage(...approvals(50)), parallelActions)).toEqual([]);
  });

  test('11 actions sharing a runOrder are an error under the classic quotas; 10 pass', () => {
    // Actions without a runOrder run at 1, like those that say so.
    const eleven = [approval('First'), ...approvals(10)];
    expect(check(withDeployStage(...eleven), parallelActions, { profile: 'classic' })).toEqual([
      finding('parallel-actions', { stage: 'Deploy' }, `11 actions share runOrder 1; at most 10 may run in parallel (${SOURCE.CLASSIC}). Fix: ${fix}`),
    ]);
    expect(check(withDeployStage(...approvals(10), approval('Later', { runOrder: 2 })), parallelActions, { profile: 'classic' })).toEqual([]);
  });
});

describe('sequential-actions', () => {
  const fix = 'run some actions in parallel (same runOrder) or move them to another stage; if your account\'s quota was raised, set the maxSequentialActionsPerStage override.';

  test('11 distinct runOrders are an error under the classic quotas; 10 pass', () => {
    expect(check(withDeployStage(...approvals(11, (i) => i + 1)), sequentialActions, { profile: 'classic' })).toEqual([
      finding('sequential-actions', { stage: 'Deploy' }, `the stage has 11 distinct runOrder values; at most 10 actions may run in sequence (${SOURCE.CLASSIC}). Fix: ${fix}`),
    ]);
    expect(check(withDeployStage(...approvals(11, (i) => Math.min(i + 1, 10))), sequentialActions, { profile: 'classic' })).toEqual([]);
  });

  test('51 distinct runOrders are an error under the current quotas; 50 pass', () => {
    expect(check(withDeployStage(...approvals(51, (i) => i * 10 + 1)), sequentialActions)).toEqual([
      finding('sequential-actions', { stage: 'Deploy' }, `the stage has 51 distinct runOrder values; at most 50 actions may run in sequence (${SOURCE.QUOTAS}). Fix: ${fix}`),
    ]);
    expect(check(withDeployStage(...approvals(50, (i) => i * 10 + 1)), sequentialActions)).toEqual([]);
  });
});

describe('run-order', () => {
  const message = (value: string) =>
    `runOrder ${value} is not a whole number from 1 to 999 (${SOURCE.API}). Fix: use 1 for the first actions of the stage, and higher numbers (at most 999) for actions that run after them.`;

  test.each([
    [0, '0'],
    [1000, '1000'],
    [1.5, '1.5'],
    ['first', '"first"'],
  ])('runOrder %p is an error', (value, shown) => {
    expect(check(withDeployStage(approval('Approve', { runOrder: value })), runOrder)).toEqual([
      finding('run-order', { stage: 'Deploy', action: 'Approve' }, message(shown)),
    ]);
  });

  test('runOrder 1 to 999 pass, and an absent runOrder means 1', () => {
    expect(check(withDeployStage(approval('A', { runOrder: 1 }), approval('B', { runOrder: 999 }), approval('C')), runOrder)).toEqual([]);
  });
});

describe('action-timeout', () => {
  test('a timeout on a CloudFormation action is an error: only manual approvals take one', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { timeoutInMinutes: 60 }))] });
    expect(check(model, actionTimeout)).toEqual([
      finding('action-timeout', { stage: 'Deploy', action: 'Deploy' }, `timeoutInMinutes is set on a Deploy action; the API accepts it only on manual approval actions (${SOURCE.API}). Fix: remove timeoutInMinutes from this action (its provider sets its own timeout).`),
    ]);
  });

  test('an approval timeout outside 5–86400 minutes is an error', () => {
    const message = (value: number) =>
      `timeoutInMinutes ${value} is not a whole number from 5 to 86400 (60 days) (${SOURCE.API}). Fix: use a timeout between 5 minutes and 60 days, or leave it out for the action type's default.`;
    expect(check(withDeployStage(approval('Approve', { timeoutInMinutes: 4 })), actionTimeout)).toEqual([
      finding('action-timeout', { stage: 'Deploy', action: 'Approve' }, message(4)),
    ]);
    expect(check(withDeployStage(approval('Approve', { timeoutInMinutes: 86401 })), actionTimeout)).toEqual([
      finding('action-timeout', { stage: 'Deploy', action: 'Approve' }, message(86401)),
    ]);
  });

  test('approval timeouts of 5 and 86400 minutes pass', () => {
    expect(check(withDeployStage(approval('A', { timeoutInMinutes: 5 }), approval('B', { timeoutInMinutes: 86400 })), actionTimeout)).toEqual([]);
  });
});

describe('pipeline-tags', () => {
  const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `key${i}`, value: 'v' }));

  test('51 tags are an error; 50 pass', () => {
    expect(check(pipeline({ tags: tags(51) }), pipelineTags)).toEqual([
      finding('pipeline-tags', {}, `the pipeline has 51 tags; the limit is 50 (${SOURCE.QUOTAS}). Fix: remove tags, or tag the stack instead of the pipeline.`),
    ]);
    expect(check(pipeline({ tags: tags(50) }), pipelineTags)).toEqual([]);
  });

  test('an empty key and a value of 257 characters are errors; 128 and 256 pass', () => {
    expect(check(pipeline({ tags: [{ key: '', value: 'x' }, { key: 'team', value: 'v'.repeat(257) }] }), pipelineTags)).toEqual([
      finding('pipeline-tags', {}, `tag key "" is not 1–128 characters (${SOURCE.QUOTAS}). Fix: use a tag key of 1 to 128 characters.`),
      finding('pipeline-tags', {}, `the value of tag "team" is 257 characters; the limit is 256 (${SOURCE.QUOTAS}). Fix: shorten the tag value to 256 characters or fewer.`),
    ]);
    expect(check(pipeline({ tags: [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }] }), pipelineTags)).toEqual([]);
  });
});

describe('configuration-lengths', () => {
  test('a value of 1001 characters and a key of 51 are errors', () => {
    const model = pipeline({
      stages: [stage('Source', s3Source()), stage('Deploy', approval('Approve', { configuration: { CustomData: 'x'.repeat(1001), ['K'.repeat(51)]: 'v' } }))],
    });
    expect(check(model, configurationLengths)).toEqual([
      finding('configuration-lengths', { stage: 'Deploy', action: 'Approve' }, `configuration value CustomData is 1001 characters; values take 1–1000 (${SOURCE.API}). Fix: shorten CustomData to 1000 characters or fewer.`),
      finding('configuration-lengths', { stage: 'Deploy', action: 'Approve' }, `configuration key "${'K'.repeat(51)}" is 51 characters; keys take 1–50 (${SOURCE.API}). Fix: use the configuration key the action type defines.`),
    ]);
  });

  test('an empty value is an error', () => {
    const model = withDeployStage(approval('Approve', { configuration: { CustomData: '' } }));
    expect(check(model, configurationLengths)).toEqual([
      finding('configuration-lengths', { stage: 'Deploy', action: 'Approve' }, `configuration value CustomData is 0 characters; values take 1–1000 (${SOURCE.API}). Fix: remove CustomData or give it a value.`),
    ]);
  });

  test('a value of 1000 characters and a key of 50 pass', () => {
    const model = withDeployStage(approval('Approve', { configuration: { CustomData: 'x'.repeat(1000), ['K'.repeat(50)]: 'v' } }));
    expect(check(model, configurationLengths)).toEqual([]);
  });

  test('a CloudFormation action\'s over-long ParameterOverrides is left to cfn-parameter-overrides; another action\'s is not', () => {
    const overrides = JSON.stringify({ Big: 'x'.repeat(1000) });
    expect(check(withDeployStage(cfnDeploy('Deploy', { configuration: { ParameterOverrides: overrides } })), configurationLengths)).toEqual([]);
    const custom = cfnDeploy('Deploy', { type: { owner: 'Custom', provider: 'StackDeployer' }, configuration: { ParameterOverrides: overrides } });
    expect(check(withDeployStage(custom), configurationLengths)).toEqual([
      finding('configuration-lengths', { stage: 'Deploy', action: 'Deploy' }, `configuration value ParameterOverrides is 1010 characters; values take 1–1000 (${SOURCE.API}). Fix: shorten ParameterOverrides to 1000 characters or fewer.`),
    ]);
  });

  test('a configuration value in a shape the API cannot take: the fix names its own key', () => {
    const model = withDeployStage({ ...approval('Approve', { configuration: { CustomData: intrinsic({}) } }), nonTextConfiguration: ['CustomData'] });
    expect(check(model, configurationLengths)).toEqual([
      finding('configuration-lengths', { stage: 'Deploy', action: 'Approve' }, `configuration value CustomData is a JSON object or list; the API takes text (${SOURCE.API}). Fix: write CustomData as a string.`),
    ]);
  });
});
