import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DeploymentTarget, PipelineIdentity, RegionalArtifactStore } from '../../lib/cross-account';
import { PROD, shopIdentity, shopPipeline, target } from '../release-pipeline/multi-region-fixture';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ChangeSetStage, ReleaseStep, StepStage } from '../../lib/stages';
import { PIPELINE_ACCOUNT, REGION, TEST_ACCOUNT, pipelineStack, release, testTarget } from './fixtures';

function actionsOf(stack: Stack, stageName: string): any[] {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages.find((s: any) => s.Name === stageName).Actions;
}


function reviewFunctionPolicy(stack: Stack): unknown {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^ReleaseChangeSetReviewRole') }] } });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument;
}

const LOGS_STATEMENT = {
  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  Effect: 'Allow',
  Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ReleaseChangeSetReviewLogs/), 'Arn'] },
};
const JOB_RESULTS_STATEMENT = { Action: ['codepipeline:PutJobSuccessResult', 'codepipeline:PutJobFailureResult'], Effect: 'Allow', Resource: '*' };

describe('ChangeSetStage review', () => {
  test('review: CreateChangeSet → ReviewChangeSet → ApproveChangeSet → ExecuteChangeSet; the approval shows the summary', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    release(stack, source, [new ChangeSetStage({ stageName: 'Prod', stackName: 'app-prod', changeSetName: 'release', templatePath: 'app.yaml', target, review: { failOn: ['data-loss'], acknowledge: ['#{variables.Acknowledge}'] } })], {
      variables: [{ name: 'Acknowledge', defaultValue: ' ', description: 'Changes this release may make despite the review, e.g. data-loss:Database' }],
    });
    const actions = actionsOf(stack, 'Prod');
    expect(actions.map((a: any) => [a.Name, a.RunOrder])).toEqual([['CreateChangeSet', 1], ['ReviewChangeSet', 2], ['ApproveChangeSet', 3], ['ExecuteChangeSet', 4]]);
    expect(actions[1]).toEqual({
      Name: 'ReviewChangeSet',
      RunOrder: 2,
      ActionTypeId: { Category: 'Invoke', Owner: 'AWS', Provider: 'Lambda', Version: '1' },
      Configuration: {
        FunctionName: { Ref: expect.stringMatching(/^ReleaseChangeSetReviewFunction/) },
        UserParameters: JSON.stringify({
          stackName: 'app-prod', changeSetName: 'release', account: TEST_ACCOUNT, region: REGION,
          roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/release-review`, failOn: ['data-loss'], acknowledge: ['#{variables.Acknowledge}'],
        }),
      },
      Namespace: 'Prod-ReviewChangeSet',
      OutputArtifacts: [{ Name: 'Prod-ReviewChangeSet-Report' }],
    });
    expect(actions[2].Configuration.CustomData).toBe(`Review change set release of stack app-prod (account ${TEST_ACCOUNT}, us-east-1): #{Prod-ReviewChangeSet.Summary}. Approve to execute exactly this change set; reject to stop the release without changing the stack.`);
  });

  test('the function: one per pipeline, bundled handler, timeout, memory, its own log group, and a role that may only assume the reviewer roles', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    release(stack, source, [
      new ChangeSetStage({ stageName: 'Staging', stackName: 'app-staging', changeSetName: 'release', templatePath: 'app.yaml', target, review: {} }),
      new ChangeSetStage({ stageName: 'Prod', stackName: 'app-prod', changeSetName: 'release', templatePath: 'app.yaml', target, review: {} }),
    ]);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler', Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: 256, Timeout: 120,
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^ReleaseChangeSetReviewLogs') } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'release-change-set-review',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] },
    });
    expect(reviewFunctionPolicy(stack)).toEqual({
      Version: '2012-10-17',
      Statement: [
        LOGS_STATEMENT,
        { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: `arn:aws:iam::${TEST_ACCOUNT}:role/release-review` },
        JOB_RESULTS_STATEMENT,
      ],
    });
    // The target's reviewer role trusts the function's role by name, and reads both stacks' change sets.
    Template.fromStack(target).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'release-review',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: 'sts:AssumeRole', Effect: 'Allow',
          Condition: { ArnLike: { 'aws:PrincipalArn': [`arn:aws:iam::${PIPELINE_ACCOUNT}:role/release-change-set-review`] } },
          Principal: { AWS: [`arn:aws:iam::${PIPELINE_ACCOUNT}:root`] },
        }],
      },
    });
    expect(target.changeSetNames('app-staging')).toEqual(['release']);
  });

  test('a wave: one review action per target, each with its namespace, and one approval showing every summary', () => {
    const app = new App();
    const identity = shopIdentity();
    const us = target(app, 'ProdUsTarget', identity, PROD);
    const eu = target(app, 'ProdEuTarget', identity, PROD, 'eu-west-1');
    const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    const { stack } = shopPipeline(app, identity, [
      new ChangeSetStage({ stageName: 'Prod', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', targets: [us, eu], review: {} }),
    ], { regionalArtifactStores: [euStore] });
    const actions = actionsOf(stack, 'Prod');
    const reviews = actions.filter((a: any) => a.ActionTypeId.Provider === 'Lambda');
    // The function runs in the pipeline's region and reads each change set in its own region.
    expect(reviews.map((a: any) => [a.Name, a.RunOrder, a.Namespace, a.OutputArtifacts[0].Name, JSON.parse(a.Configuration.UserParameters).roleArn, JSON.parse(a.Configuration.UserParameters).region, a.Region])).toEqual([
      ['ReviewChangeSet-333333333333-us-east-1', 2, 'Prod-ReviewChangeSet-333333333333-us-east-1', 'Prod-ReviewChangeSet-333333333333-us-east-1-Report', 'arn:aws:iam::333333333333:role/shop-review', 'us-east-1', undefined],
      ['ReviewChangeSet-333333333333-eu-west-1', 2, 'Prod-ReviewChangeSet-333333333333-eu-west-1', 'Prod-ReviewChangeSet-333333333333-eu-west-1-Report', 'arn:aws:iam::333333333333:role/shop-review-eu-west-1', 'eu-west-1', undefined],
    ]);
    expect(actions.find((a: any) => a.ActionTypeId.Category === 'Approval').Configuration.CustomData).toBe(
      'Review 2 change sets: change set release of stack shop (account 333333333333, us-east-1): #{Prod-ReviewChangeSet-333333333333-us-east-1.Summary}; '
      + 'change set release of stack shop (account 333333333333, eu-west-1): #{Prod-ReviewChangeSet-333333333333-eu-west-1.Summary}. '
      + 'Approve to execute exactly these change sets and continue the release; reject to stop the release without changing the stacks. The review link opens the first.',
    );
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^ReleaseChangeSetReviewRole') }] } });
    expect(Object.values(policies).map((p: any) => p.Properties.PolicyDocument.Statement.map((st: any) => st.Resource))).toEqual([[
      expect.anything(), 'arn:aws:iam::333333333333:role/shop-review', 'arn:aws:iam::333333333333:role/shop-review-eu-west-1', '*',
    ]]);
  });
});

describe('StepStage review step checks', () => {
  const create = (target?: DeploymentTarget) => ReleaseStep.createChangeSet({ stackName: 'app-prod', changeSetName: 'release', templatePath: 'app.yaml', ...(target ? { target } : { executionRole: iam.Role.fromRoleArn(new Stack(), 'R', 'arn:aws:iam::111111111111:role/cfn') }) });

  test('after the execute step it refers to', () => {
    const c = create(testTarget(new App()));
    expect(() => new StepStage({ stageName: 'Prod', steps: [c, ReleaseStep.executeChangeSet(c), ReleaseStep.reviewChangeSet(c)] })).toThrow(
      'StepStage Prod: steps[2] ("ReviewChangeSet") reviews the change set of steps[0] ("CreateChangeSet") after steps[1] ("ExecuteChangeSet") executed it, when there is nothing left to review; move steps[2] ("ReviewChangeSet") before the approval.');
  });

  test('of a change set in the pipeline account', () => {
    const c = create();
    expect(() => new StepStage({ stageName: 'Prod', steps: [c, ReleaseStep.reviewChangeSet(c)] })).toThrow(
      'StepStage Prod: steps[1] ("ReviewChangeSet") reviews a change set in the pipeline account (steps[0] ("CreateChangeSet") has no target); the review reads change sets as a DeploymentTarget\'s reviewer role: give steps[0] ("CreateChangeSet") a target, or remove the review step.');
  });

  test('of a step not in the stage, and of a direct deploy', () => {
    const target = testTarget(new App());
    expect(() => new StepStage({ stageName: 'Prod', steps: [ReleaseStep.reviewChangeSet(create(target))] })).toThrow(
      'StepStage Prod: steps[0] ("ReviewChangeSet") reviews a change set of a step that is not in this stage (stack "app-prod"); put the ReleaseStep.createChangeSet(...) step it refers to earlier in the same stage.');
    const deploy = ReleaseStep.deployStack({ stackName: 'app-prod', templatePath: 'app.yaml', target });
    expect(() => new StepStage({ stageName: 'Prod', steps: [deploy, ReleaseStep.reviewChangeSet(deploy)] })).toThrow(
      'StepStage Prod: steps[1] ("ReviewChangeSet") reviews a change set, but steps[0] ("DeployStack") deploys its stack directly (ReleaseStep.deployStack) and makes none; review a ReleaseStep.createChangeSet(...) step.');
  });

  test('an unknown flag and a malformed acknowledgement', () => {
    const c = create(testTarget(new App()));
    expect(() => new StepStage({ stageName: 'Prod', steps: [c, ReleaseStep.reviewChangeSet(c, { failOn: ['nested-stack' as any] })] })).toThrow(
      'StepStage Prod: steps[1].failOn has "nested-stack"; a review step fails on data-loss and permissions.');
    const d = create(testTarget(new App()));
    expect(() => new StepStage({ stageName: 'Prod', steps: [d, ReleaseStep.reviewChangeSet(d, { acknowledge: ['Database'] })] })).toThrow(
      'StepStage Prod: steps[1].acknowledge has "Database"; write flag:LogicalId with flag data-loss or permissions (data-loss:Database, permissions:*), or a pipeline variable such as #{variables.Acknowledge}.');
  });

  test('ChangeSetStage: actionNames.review without review', () => {
    const target = testTarget(new App());
    expect(() => new ChangeSetStage({ stageName: 'Prod', stackName: 'app-prod', changeSetName: 'release', templatePath: 'app.yaml', target, actionNames: { review: 'Check' } })).toThrow(
      'ChangeSetStage Prod: actionNames.review names a review step the stage does not have; add review (e.g. review: {}) or remove actionNames.review.');
  });
});

test('cdk-nag AwsSolutions: the review function, its role and the pipeline role\'s grants for it pass, with evidence', () => {
  const { app } = multiRegionReview();
  app.synth();
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8')) as { pluginReports: { violations: { ruleName: string; violatingConstructs: { constructPath?: string }[] }[] }[] };
  expect(report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)))).toEqual([]);
  const acknowledged = app.node.findAll().filter((c) => /ChangeSetReview|PipelineRole/.test(c.node.path)).flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.keys(m.data as Record<string, string>).map((id) => `${c.node.path} ${id}`)))
    .filter((a) => /ChangeSetReview|Lambda|\[Resource::\*\]/.test(a));
  expect([...new Set(acknowledged)].sort()).toEqual([
    'ShopPipeline/Release/ArtifactStore/PipelineRole Annotation::AwsSolutions-IAM5[Resource::*]',
    'ShopPipeline/Release/ArtifactStore/PipelineRole Annotation::AwsSolutions-IAM5[Resource::<ReleaseChangeSetReviewFunctionCE15C9F3.Arn>:*]',
    'ShopPipeline/Release/ChangeSetReview/Role/DefaultPolicy Annotation::AwsSolutions-IAM5[Resource::*]',
  ]);
});

function multiRegionReview() {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'review-step-nag-')) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const identity = shopIdentity();
  const us = target(app, 'ProdUsTarget', identity, PROD);
  const eu = target(app, 'ProdEuTarget', identity, PROD, 'eu-west-1');
  const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
  shopPipeline(app, identity, [
    new ChangeSetStage({ stageName: 'Prod', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', targets: [us, eu], review: { failOn: ['data-loss'] } }),
  ], { regionalArtifactStores: [euStore] });
  return { app };
}

test('the README\'s "In the pipeline: a review step before the approval" example', () => {
  const { app, stack: pipelineStack_, source } = pipelineStack();
  const identity = new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: REGION, name: 'release' });
  const executionStatements = [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['arn:aws:sns:us-east-1:333333333333:app'] })];
  let prod!: DeploymentTarget;
  ((pipelineStack: Stack) => {
    // The README's code, as written there.
    prod = new DeploymentTarget(app, 'ProdTarget', { identity, account: '333333333333', executionStatements });
    prod.grantReview('arn:aws:iam::444444444444:role/Release-Approvers'); // for pipectl review, optional

    new ReleasePipeline(pipelineStack, 'Release', {
      source,
      variables: [{ name: 'Acknowledge', defaultValue: ' ', description: 'Flagged changes this release may make, e.g. data-loss:Database' }],
      stages: [new ChangeSetStage({
        stageName: 'ProdStage', stackName: 'app-prod', changeSetName: 'release', templatePath: 'app.yaml', target: prod,
        review: { failOn: ['data-loss', 'permissions'], acknowledge: ['#{variables.Acknowledge}'] },
      })],
    });
  })(pipelineStack_);
  const actions = actionsOf(pipelineStack_, 'ProdStage');
  expect(actions.map((a: any) => [a.Name, a.RunOrder, a.Namespace])).toEqual([
    ['CreateChangeSet', 1, undefined], ['ReviewChangeSet', 2, 'ProdStage-ReviewChangeSet'], ['ApproveChangeSet', 3, undefined], ['ExecuteChangeSet', 4, undefined],
  ]);
  expect(actions[2].Configuration.CustomData).toBe('Review change set release of stack app-prod (account 333333333333, us-east-1): #{ProdStage-ReviewChangeSet.Summary}. Approve to execute exactly this change set; reject to stop the release without changing the stack.');
  expect(prod.reviewRoleArn).toBe('arn:aws:iam::333333333333:role/release-review');
});

describe('stage.grantReview', () => {
  test('grants review on every target of a wave', () => {
    const app = new App();
    const identity = shopIdentity();
    const us = target(app, 'ProdUsTarget', identity, PROD);
    const eu = target(app, 'ProdEuTarget', identity, PROD, 'eu-west-1');
    const stage = new ChangeSetStage({ stageName: 'Prod', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', targets: [us, eu] });
    stage.grantReview('arn:aws:iam::444444444444:role/Release-Approvers');
    shopPipeline(app, identity, [stage], { regionalArtifactStores: [new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' })] });
    for (const each of [us, eu]) {
      Template.fromStack(each).hasResourceProperties('AWS::IAM::Role', {
        RoleName: each === us ? 'shop-review' : 'shop-review-eu-west-1',
        AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::444444444444:role/Release-Approvers'] } } })] },
      });
    }
  });

  test('refuses a stage in the pipeline account', () => {
    const executionRole = iam.Role.fromRoleArn(new Stack(), 'R', 'arn:aws:iam::111111111111:role/cfn');
    const create = ReleaseStep.createChangeSet({ stackName: 'app', changeSetName: 'release', templatePath: 'app.yaml', executionRole });
    const stage = new StepStage({ stageName: 'Tools', steps: [create, ReleaseStep.approval(), ReleaseStep.executeChangeSet(create)] });
    expect(() => stage.grantReview('arn:aws:iam::444444444444:role/Release-Approvers')).toThrow(
      'StepStage Tools.grantReview: the stage deploys into the pipeline account, which has no reviewer role; grant read access to its stacks with IAM in that account, or give the stage a target.');
  });
});
