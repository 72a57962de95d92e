import { App, Duration } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';
import { ChangeSetStage, ReleaseStep, StepStage, TestStackStage } from '../../lib/stages';
import { pipelineStack, release, PIPELINE_ACCOUNT, REGION } from './fixtures';

const identity = () => new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: REGION, name: 'release' });

/** `count` targets in accounts 300000000001, 300000000002, … of one identity. */
function targets(app: App, count: number, id = identity()): DeploymentTarget[] {
  return Array.from({ length: count }, (_, i) => new DeploymentTarget(app, `Target${i + 1}`, {
    identity: id,
    account: String(300000000001 + i),
    executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['*'] })],
  }));
}

const template = { templatePath: 'app.yaml' };

describe('StepStage refuses, in its constructor', () => {
  const { executionRole } = pipelineStack();
  const changeSet = (actionName?: string) => ReleaseStep.createChangeSet({ ...template, stackName: 'App', changeSetName: 'Release', executionRole, actionName });
  const stack = (actionName?: string) => ReleaseStep.deployStack({ ...template, stackName: 'App', executionRole, actionName });
  const stage = (...steps: ReleaseStep[]) => () => new StepStage({ stageName: 'Prod', steps });

  test('no steps', () => {
    expect(stage()).toThrow('StepStage Prod: steps is empty; give at least one step, e.g. ReleaseStep.createChangeSet(...), ReleaseStep.approval(), ReleaseStep.executeChangeSet(...).');
  });

  test('a step that is not a ReleaseStep', () => {
    expect(stage({ kind: 'approval', actionName: 'Approve' } as any)).toThrow('StepStage Prod: steps[0] is not a ReleaseStep; make each step with a ReleaseStep factory, e.g. ReleaseStep.deployStack(...) or ReleaseStep.approval().');
  });

  test('one step object twice', () => {
    const approve = ReleaseStep.approval();
    expect(stage(approve, approve)).toThrow('StepStage Prod: steps[0] and steps[1] are the same step object ("Approve"); a step is one action of a stage: create another step.');
  });

  test('an execute step without its create step in the stage', () => {
    expect(stage(ReleaseStep.approval(), ReleaseStep.executeChangeSet(changeSet()))).toThrow('StepStage Prod: steps[1] ("ExecuteChangeSet") executes the change set of a step that is not in this stage (stack "App"); a stage executes or deletes only what its own earlier steps made: put the ReleaseStep.createChangeSet(...) step it refers to earlier in the same stage.');
  });

  test('a delete step without its deploy step in the stage', () => {
    expect(stage(ReleaseStep.deleteStack(stack()))).toThrow('StepStage Prod: steps[0] ("DeleteStack") deletes the stack of a step that is not in this stage (stack "App"); a stage executes or deletes only what its own earlier steps made: put the ReleaseStep.deployStack(...) step it refers to earlier in the same stage.');
  });

  test('an execute step before its create step', () => {
    const create = changeSet();
    expect(stage(ReleaseStep.executeChangeSet(create), ReleaseStep.approval(), create)).toThrow('StepStage Prod: steps[0] ("ExecuteChangeSet") executes the change set of steps[2] ("CreateChangeSet"), which comes after it; move steps[0] ("ExecuteChangeSet") after steps[2] ("CreateChangeSet").');
  });

  test('a delete of a change-set step', () => {
    const create = changeSet();
    expect(stage(create, ReleaseStep.approval(), ReleaseStep.deleteStack(create))).toThrow('StepStage Prod: steps[2] ("DeleteStack") deletes the stack of steps[0] ("CreateChangeSet"), which creates a change set: that stack is the one the change set would change, not a throw-away test stack. Delete only a stack made by ReleaseStep.deployStack(...); execute a change set with ReleaseStep.executeChangeSet(...).');
  });

  test('an execute of a stack deployed directly', () => {
    const deploy = stack();
    expect(stage(deploy, ReleaseStep.executeChangeSet(deploy))).toThrow('StepStage Prod: steps[1] ("ExecuteChangeSet") executes a change set, but steps[0] ("DeployStack") deploys its stack directly (ReleaseStep.deployStack) and makes none; create the change set with ReleaseStep.createChangeSet(...) and execute that step.');
  });

  test('a change set executed twice', () => {
    const create = changeSet();
    expect(stage(create, ReleaseStep.executeChangeSet(create), ReleaseStep.executeChangeSet(create, { actionName: 'Again' }))).toThrow('StepStage Prod: steps[1] ("ExecuteChangeSet") and steps[2] ("Again") both finish steps[0] ("CreateChangeSet"); a change set is executed, or a stack deleted, once: remove one of them.');
  });

  test('two steps with one action name', () => {
    expect(stage(stack('Deploy'), ReleaseStep.approval({ actionName: 'Deploy' }))).toThrow('StepStage Prod: steps[0] ("Deploy") and steps[1] ("Deploy") both make an action named "Deploy"; action names are unique in a stage: give one of them another actionName.');
  });

  test('an action name CodePipeline refuses', () => {
    expect(stage(ReleaseStep.approval({ actionName: 'Approve it' }))).toThrow('StepStage Prod: steps[0].actionName "Approve it" is not a CodePipeline action name: use 1–100 of letters, digits, ".", "@", "_" and "-".');
  });

  test('a step\'s own props, named by their place in the list', () => {
    expect(stage(stack(), ReleaseStep.approval({ timeout: Duration.minutes(4) }))).toThrow('StepStage Prod: steps[1].timeout is 4 minutes; a manual approval\'s timeout must be between 5 minutes and 60 days (86400 minutes).');
    expect(() => new StepStage({ stageName: 'Prod', steps: [ReleaseStep.deployStack({ ...template, stackName: 'App' })] })).toThrow('StepStage Prod: steps[0].executionRole is required when the stage deploys into the pipeline account (no target): give the CloudFormation service role for the stack, or a target.');
    expect(stage(ReleaseStep.createChangeSet({ ...template, stackName: 'App', changeSetName: 'release_1', executionRole }))).toThrow('StepStage Prod: steps[0].changeSetName "release_1" is not a valid CloudFormation name: start with a letter, then use letters, digits and hyphens, at most 128 characters.');
  });

  test('Commands: none, more than 50, or one over several lines', () => {
    expect(stage(ReleaseStep.commands({ commands: [] }))).toThrow('StepStage Prod: steps[0].commands has 0 commands; a Commands action runs 1–50: put longer scripts in a file of the input artifact and run that.');
    expect(stage(ReleaseStep.commands({ commands: Array.from({ length: 51 }, (_, i) => `echo ${i}`) }))).toThrow('StepStage Prod: steps[0].commands has 51 commands; a Commands action runs 1–50: put longer scripts in a file of the input artifact and run that.');
    expect(stage(ReleaseStep.commands({ commands: ['npm ci', 'npm test\nnpm run e2e'] }))).toThrow('StepStage Prod: steps[0].commands[1] spans several lines, which the Commands action does not run; give each line as its own command.');
  });

  test('grantApprove on a stage without an approval step', () => {
    const { stack: scope } = pipelineStack();
    expect(() => new StepStage({ stageName: 'Prod', steps: [stack()] }).grantApprove(new iam.User(scope, 'Reviewer'))).toThrow('StepStage Prod.grantApprove: the stage has no approval step, so there is nothing to approve; add ReleaseStep.approval() to its steps, or grant on the stage that has the approval.');
  });
});

describe('a wave refuses, in the stage\'s constructor', () => {
  test('target and targets together', () => {
    const app = new App();
    const [one, two] = targets(app, 2);
    expect(() => new ChangeSetStage({ ...template, stackName: 'App', changeSetName: 'Release', target: one, targets: [one, two] })).toThrow('ChangeSetStage ProdStage: target and targets are contradictory: give one target as target, or every target of a wave as targets.');
    expect(() => new StepStage({ stageName: 'Prod', steps: [ReleaseStep.deployStack({ ...template, stackName: 'App', target: one, targets: [two] })] })).toThrow('StepStage Prod: steps[0].target and steps[0].targets are contradictory: give one target as steps[0].target, or every target of a wave as steps[0].targets.');
  });

  test('targets with an execution role, and no targets at all', () => {
    const { app, executionRole } = pipelineStack();
    expect(() => new TestStackStage({ ...template, stackName: 'App', targets: targets(app, 2), executionRole })).toThrow('TestStackStage TestStage: targets and executionRole are contradictory: each target brings its own execution role (target.executionRole). Remove executionRole, or remove targets to deploy into the pipeline account.');
    expect(() => new TestStackStage({ ...template, stackName: 'App', targets: [] })).toThrow('TestStackStage TestStage: targets is empty; give at least one DeploymentTarget, or leave targets out and give executionRole to deploy into the pipeline account.');
  });

  test('two targets in one account and region', () => {
    const app = new App();
    const id = identity();
    const [one, two] = targets(app, 2, id);
    const again = new DeploymentTarget(app, 'SameAsOne', { identity: id, account: one.account, administratorAccess: true });
    expect(() => new ChangeSetStage({ ...template, stackName: 'App', changeSetName: 'Release', targets: [one, two, again] })).toThrow('ChangeSetStage ProdStage: targets[0] (Target1) and targets[2] (SameAsOne) are both account 300000000001, us-east-1; a wave deploys once into each account and region: remove one of them.');
  });

  test('51 targets: more parallel actions than a stage runs, with how to split; 50 are accepted', () => {
    const app = new App();
    const all = targets(app, 51);
    expect(() => new ChangeSetStage({ ...template, stackName: 'App', changeSetName: 'Release', targets: all })).toThrow('ChangeSetStage ProdStage: targets has 51 targets, and a wave runs one action per target at the same run order; CodePipeline runs at most 50 actions in parallel in a stage in a V2 pipeline. Split the wave into 2 stages of at most 50 targets each.');
    expect(() => new StepStage({ stageName: 'Prod', steps: [ReleaseStep.deployStack({ ...template, stackName: 'App', targets: all })] })).toThrow('StepStage Prod: steps[0].targets has 51 targets, and a wave runs one action per target at the same run order; CodePipeline runs at most 50 actions in parallel in a stage in a V2 pipeline. Split the wave into 2 stages of at most 50 targets each.');
    const fifty = new ChangeSetStage({ ...template, stackName: 'App', changeSetName: 'Release', targets: all.slice(0, 50) });
    expect(fifty.stacks).toHaveLength(50);
  });

  test('11 targets in a V1 pipeline, when the pipeline says its type', () => {
    const { stack, source } = pipelineStack();
    const stage = new ChangeSetStage({ ...template, stackName: 'App', changeSetName: 'Release', targets: targets(stack.node.root as App, 11) });
    expect(() => stage.bind({ scope: stack, defaultArtifact: source.output, pipelineType: codepipeline.PipelineType.V1 })).toThrow('ChangeSetStage ProdStage: targets has 11 targets, and a wave runs one action per target at the same run order; CodePipeline runs at most 10 actions in parallel in a stage in a V1 pipeline. Split the wave into 2 stages of at most 10 targets each.');
  });

  test('an action name that the account and region make too long', () => {
    const app = new App();
    expect(() => new StepStage({ stageName: 'Prod', steps: [ReleaseStep.deployStack({ ...template, stackName: 'App', targets: targets(app, 2), actionName: 'D'.repeat(80) })] }))
      .toThrow(`StepStage Prod: steps[0].actionName "${'D'.repeat(80)}" makes the wave's action name "${'D'.repeat(80)}-300000000001-us-east-1" (103 characters), and CodePipeline allows at most 100; shorten steps[0].actionName to at most 77 characters.`);
  });
});

describe('a stage object joins one pipeline once', () => {
  test('binding a step stage twice is an error', () => {
    const { stack, source, executionRole } = pipelineStack();
    const stage = new StepStage({ stageName: 'Prod', steps: [ReleaseStep.deployStack({ ...template, stackName: 'App', executionRole })] });
    release(stack, source, [stage]);
    expect(() => stage.bind({ scope: stack, defaultArtifact: source.output })).toThrow('StepStage Prod is already in a pipeline; create one stage object per pipeline stage.');
  });
});
