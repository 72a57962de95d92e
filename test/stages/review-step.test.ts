import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DeploymentTarget, PipelineIdentity, RegionalArtifactStore } from '../../lib/cross-account';
import { PROD, shopIdentity, shopPipeline, target } from '../release-pipeline/multi-region-fixture';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ReleaseSource } from '../../lib/sources';
import { ChangeSetStage, ReleaseStep, StepStage } from '../../lib/stages';
import { PIPELINE_ACCOUNT, REGION, TEST_ACCOUNT, pipelineStack, release, testTarget } from './fixtures';

function actionsOf(stack: Stack, stageName: string): any[] {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages.find((s: any) => s.Name === stageName).Actions;
}


function reviewFunctionPolicy(stack: Stack): unknown {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^ReleaseArtifactStoreChangeSetReviewRole') }] } });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument;
}

const LOGS_STATEMENT = {
  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  Effect: 'Allow',
  Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ReleaseArtifactStoreChangeSetReviewLogs/), 'Arn'] },
};
const JOB_DETAILS_STATEMENT = { Action: 'codepipeline:GetJobDetails', Effect: 'Allow', Resource: '*' };
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
        FunctionName: { Ref: expect.stringMatching(/^ReleaseArtifactStoreChangeSetReviewFunction/) },
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
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^ReleaseArtifactStoreChangeSetReviewLogs') } },
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
        JOB_DETAILS_STATEMENT,
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
    expect(reviewFunctionPolicy(stack)).toEqual({
      Version: '2012-10-17',
      Statement: [
        LOGS_STATEMENT,
        JOB_DETAILS_STATEMENT,
        { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'arn:aws:iam::333333333333:role/shop-review' },
        { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'arn:aws:iam::333333333333:role/shop-review-eu-west-1' },
        JOB_RESULTS_STATEMENT,
      ],
    });
  });
});

describe('one review function per PipelineIdentity', () => {
  test('two pipelines of one identity, each with a review step: one function and one role, in the identity\'s artifact store', () => {
    const app = new App();
    const identity = shopIdentity();
    const prod = target(app, 'ProdUsTarget', identity, PROD);
    const review = (stackName: string) => new ChangeSetStage({ stageName: 'Prod', stackName, changeSetName: 'release', templatePath: 'app.yaml', target: prod, review: {} });
    const { stack, pipeline } = shopPipeline(app, identity, [review('shop')]);
    new ReleasePipeline(stack, 'Billing', {
      pipelineName: 'billing', source: ReleaseSource.s3({ bucket: new s3.Bucket(stack, 'BillingSource', { versioned: true }), key: 'app.zip' }),
      artifactStore: pipeline.artifactStore, stages: [review('billing')],
    });
    const template = Template.fromStack(stack);
    expect(Object.values(template.findResources('AWS::IAM::Role')).map((r: any) => r.Properties.RoleName).filter((name) => name !== undefined)).toEqual(['shop-pipeline', 'shop-change-set-review']);
    expect(pipeline.artifactStore!.node.tryFindChild('ChangeSetReview')).toBeDefined();
    // Both pipelines invoke it; its role assumes the one reviewer role once.
    const functionIds = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(functionIds).toHaveLength(1);
    const pipelines = Object.values(template.findResources('AWS::CodePipeline::Pipeline')) as any[];
    expect(pipelines.map((p) => p.Properties.Stages.find((s: any) => s.Name === 'Prod').Actions[1].Configuration.FunctionName)).toEqual([{ Ref: functionIds[0] }, { Ref: functionIds[0] }]);
    expect(reviewFunctionPolicy(stack)).toEqual({
      Version: '2012-10-17',
      Statement: [LOGS_STATEMENT, JOB_DETAILS_STATEMENT, { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'arn:aws:iam::333333333333:role/shop-review' }, JOB_RESULTS_STATEMENT],
    });
  });
});

describe('review namespaces and report artifacts', () => {
  test('stages Prod.EU and Prod_EU would make one namespace and one report artifact: refused, naming both', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    const stage = (stageName: string, stackName: string) => new ChangeSetStage({ stageName, stackName, changeSetName: 'release', templatePath: 'app.yaml', target, review: {} });
    expect(() => release(stack, source, [stage('Prod.EU', 'app-eu'), stage('Prod_EU', 'app-eu2')])).toThrow(
      'ChangeSetStage Prod_EU: the review action "ReviewChangeSet" of stage "Prod_EU" makes the variable namespace "Prod_EU-ReviewChangeSet", which the review action "ReviewChangeSet" of stage "Prod.EU" already makes (a character a namespace does not take, such as ".", is written "_"); CodePipeline refuses two of one name. Rename one of the stages, or set the review step\'s actionName.');
  });

  test('actions Review@1 and Review_1 make two namespaces but one report artifact: refused, naming both', () => {
    const { app, stack, source } = pipelineStack();
    const c = ReleaseStep.createChangeSet({ stackName: 'app-prod', changeSetName: 'release', templatePath: 'app.yaml', target: testTarget(app) });
    const steps = [c, ReleaseStep.reviewChangeSet(c, { actionName: 'Review@1' }), ReleaseStep.reviewChangeSet(c, { actionName: 'Review_1' }), ReleaseStep.approval(), ReleaseStep.executeChangeSet(c)];
    expect(() => release(stack, source, [new StepStage({ stageName: 'Prod', steps })])).toThrow(
      'StepStage Prod: the review action "Review_1" of stage "Prod" makes the report artifact "Prod-Review_1-Report", which the review action "Review@1" of stage "Prod" already makes (a character a namespace does not take, such as ".", is written "_"); CodePipeline refuses two of one name. Rename one of the stages, or set the review step\'s actionName.');
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
    expect(() => new StepStage({ stageName: 'Prod', steps: [c, ReleaseStep.reviewChangeSet(c, { failOn: ['everything' as any] })] })).toThrow(
      'StepStage Prod: steps[1].failOn has "everything"; a review step fails on data-loss, permissions and nested-stack.');
    const d = create(testTarget(new App()));
    expect(() => new StepStage({ stageName: 'Prod', steps: [d, ReleaseStep.reviewChangeSet(d, { acknowledge: ['#{variables.Acknowledge}', 'data-loss:Database Database'] })] })).toThrow(
      'StepStage Prod: steps[1].acknowledge: acknowledgement "Database" is not flag:LogicalId with flag data-loss, permissions or nested-stack (e.g. data-loss:Database, permissions:*); write it so, or use a pipeline variable such as #{variables.Acknowledge}.');
    const e = create(testTarget(new App()));
    expect(() => new StepStage({ stageName: 'Prod', steps: [e, ReleaseStep.reviewChangeSet(e, { failOn: ['nested-stack'], acknowledge: ['nested-stack:NetworkStack'] })] })).not.toThrow();
  });

  test('ChangeSetStage: actionNames.review without review', () => {
    const target = testTarget(new App());
    expect(() => new ChangeSetStage({ stageName: 'Prod', stackName: 'app-prod', changeSetName: 'release', templatePath: 'app.yaml', target, actionNames: { review: 'Check' } })).toThrow(
      'ChangeSetStage Prod: actionNames.review names a review step the stage does not have; add review (e.g. review: {}) or remove actionNames.review.');
  });
});

test('cdk-nag AwsSolutions: the review function, its role and the pipeline role\'s grants for it pass, with evidence', () => {
  const { app, pipeline } = multiRegionReview();
  app.synth();
  const FUNCTION_ID = Stack.of(pipeline).getLogicalId(pipeline.artifactStore!.node.findChild('ChangeSetReview').node.findChild('Function').node.defaultChild as CfnElement);
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8')) as { pluginReports: { violations: { ruleName: string; violatingConstructs: { constructPath?: string }[] }[] }[] };
  expect(report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)))).toEqual([]);
  const acknowledged = app.node.findAll().filter((c) => /ChangeSetReview|PipelineRole/.test(c.node.path)).flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.keys(m.data as Record<string, string>).map((id) => `${c.node.path} ${id}`)))
    .filter((a) => /ChangeSetReview|Lambda|\[Resource::\*\]/.test(a));
  expect([...new Set(acknowledged)].sort()).toEqual([
    'ShopPipeline/Release/ArtifactStore/ChangeSetReview/Role/DefaultPolicy Annotation::AwsSolutions-IAM5[Resource::*]',
    'ShopPipeline/Release/ArtifactStore/PipelineRole Annotation::AwsSolutions-IAM5[Resource::*]',
    `ShopPipeline/Release/ArtifactStore/PipelineRole Annotation::AwsSolutions-IAM5[Resource::<${FUNCTION_ID}.Arn>:*]`,
  ]);
});

/** The pipeline role's acknowledgements and what cdk-nag reports, after a synth. */
function nagOutcome(app: App) {
  let error: string | undefined;
  try {
    app.synth();
  } catch (e) {
    error = (e as Error).message;
  }
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8')) as { pluginReports: { violations: { ruleName: string; violatingConstructs: { constructPath?: string }[] }[] }[] };
  const violations = report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)));
  const role = app.node.findAll().find((c) => c.node.path === 'ShopPipeline/Release/ArtifactStore/PipelineRole')!;
  const acknowledged = role.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data as Record<string, string>);
  return { violations, acknowledged, error };
}

test('cdk-nag: the pipeline role\'s Resource::* is acknowledged for lambda:ListFunctions, with the reason saying it was checked', () => {
  const { acknowledged, error } = nagOutcome(multiRegionReview().app);
  expect(error).toBeUndefined();
  expect(acknowledged.filter((a) => 'Annotation::AwsSolutions-IAM5[Resource::*]' in a)).toEqual([{
    'Annotation::AwsSolutions-IAM5[Resource::*]': 'The role\'s only statement on "*" is lambda:ListFunctions, which aws-cdk-lib\'s Lambda invoke action grants the pipeline role: the Service Authorization Reference lists no resource type for ListFunctions, so it takes only "*". Checked at synth: with another statement on "*" this acknowledgement is not made.',
  }]);
});

test('cdk-nag: with another statement on "*" in the pipeline role, Resource::* is not acknowledged, and cdk-nag reports it', () => {
  const { app, pipeline } = multiRegionReview();
  pipeline.artifactStore!.pipelineRole.addToPolicy(new iam.PolicyStatement({ actions: ['codepipeline:ListPipelines'], resources: ['*'] }));
  const { violations, acknowledged, error } = nagOutcome(app);
  expect(acknowledged.filter((a) => 'Annotation::AwsSolutions-IAM5[Resource::*]' in a)).toEqual([]);
  expect(violations).toEqual(['AwsSolutions-IAM5[Resource::*] ShopPipeline/Release/ArtifactStore/PipelineRole/DefaultPolicy/Resource']);
  expect(error).toContain('Acknowledge with \'AwsSolutions::AwsSolutions-IAM5[Resource::*]\'');
});

function multiRegionReview() {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'review-step-nag-')) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const identity = shopIdentity();
  const us = target(app, 'ProdUsTarget', identity, PROD);
  const eu = target(app, 'ProdEuTarget', identity, PROD, 'eu-west-1');
  const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
  const { pipeline } = shopPipeline(app, identity, [
    new ChangeSetStage({ stageName: 'Prod', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', targets: [us, eu], review: { failOn: ['data-loss'] } }),
  ], { regionalArtifactStores: [euStore] });
  return { app, pipeline };
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
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{
            Action: 'sts:AssumeRole', Effect: 'Allow',
            Condition: { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::444444444444:role/Release-Approvers'] } },
            Principal: { AWS: ['arn:aws:iam::444444444444:root'] },
          }],
        },
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
