import * as fs from 'fs';
import * as path from 'path';
import { parseCloudFormationYaml } from '../../lib/model/cloudformation-yaml';
import { pipelinesFromTemplate } from '../../lib/model/from-cloudformation';
import { loadPipelineFile } from '../../lib/model/load-file';
import { validatePipeline } from '../../lib/validate';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const WALKTHROUGH = path.join(FIXTURES, 'walkthrough-pipeline.yaml');
const CROSS_ACCOUNT = path.join(FIXTURES, 'cross-account-pipeline.yaml');
const CONDITIONAL = path.join(FIXTURES, 'conditional-pipeline.yaml');

const CFN = 'CloudFormation user guide, AWS CloudFormation configuration properties reference';
const CROSS = 'CodePipeline user guide, Create a pipeline that uses resources from another AWS account';

/** The parsed template, to change one thing before handing it to the adapter. */
function template(file: string): any {
  return parseCloudFormationYaml(fs.readFileSync(file, 'utf-8'));
}

const ref = (name: string) => ({ unresolved: true, expression: { Ref: name } });

describe('the CloudFormation walkthrough template (YAML, short-form intrinsics)', () => {
  const [model] = loadPipelineFile(WALKTHROUGH);

  test('is read as one pipeline with its intrinsics kept as unresolved values', () => {
    expect(loadPipelineFile(WALKTHROUGH)).toHaveLength(1);
    expect(model.name).toEqual(ref('ReleaseName'));
    expect(model.nameIsGenerated).toBeUndefined();
    expect(model.roleArn).toEqual({ unresolved: true, expression: { 'Fn::GetAtt': ['ReleaseRole', 'Arn'] } });
    expect(model.artifactStore).toEqual({ type: 'S3', location: ref('Artifacts'), encryptionKey: undefined });
    expect(model.origin).toEqual({ file: WALKTHROUGH, logicalId: 'Release', constructPath: undefined });
    expect(model.context).toEqual({ account: undefined, region: undefined, buckets: { '{"Ref":"Artifacts"}': { versioned: true, account: undefined } } });
    expect(model.unresolvedParts).toBeUndefined();
  });

  test('keeps the stages, actions, string RunOrders as numbers, and configuration keys in their own case', () => {
    expect(model.stages.map((s) => [s.name, s.actions.map((a) => [a.name, a.runOrder])])).toEqual([
      ['Source', [['Template', 1]]],
      ['Test', [['CreateStack', 1], ['ApproveTestStack', 2], ['DeleteTestStack', 3]]],
      ['Prod', [['CreateChangeSet', 1], ['ApproveChangeSet', 2], ['ExecuteChangeSet', 3]]],
    ]);
    const createStack = model.stages[1].actions[0];
    expect(createStack.actionTypeId).toEqual({ category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' });
    expect(createStack.inputArtifacts).toEqual([{ name: 'Template' }]);
    expect(createStack.configuration).toEqual({
      ActionMode: 'REPLACE_ON_FAILURE',
      // `!GetAtt StackRole.Arn` is the scalar short form of `[StackRole, Arn]`.
      RoleArn: { unresolved: true, expression: { 'Fn::GetAtt': ['StackRole', 'Arn'] } },
      StackName: 'test-app',
      TemplateConfiguration: 'Template::test-config.json',
      TemplatePath: { unresolved: true, expression: { 'Fn::Sub': 'Template::${TemplateFile}' } },
    });
  });

  test('passes every rule', () => {
    expect(validatePipeline(model)).toEqual([]);
    expect(validatePipeline(model, { quotas: { profile: 'classic' } })).toEqual([]);
  });

  test('a real mistake among the intrinsics is still found, with the file', () => {
    const changed = template(WALKTHROUGH);
    delete changed.Resources.Release.Properties.Stages[2].Actions[2].Configuration.ChangeSetName;
    expect(validatePipeline(pipelinesFromTemplate(changed, { file: 'walkthrough.yaml' })[0])).toEqual([
      {
        ruleId: 'cfn-change-set-name',
        severity: 'error',
        pipeline: '{"Ref":"ReleaseName"}',
        stage: 'Prod',
        action: 'ExecuteChangeSet',
        file: 'walkthrough.yaml',
        message: `ActionMode CHANGE_SET_EXECUTE needs a ChangeSetName (${CFN}). Fix: set ChangeSetName; the CHANGE_SET_EXECUTE action must name the change set its CHANGE_SET_REPLACE action created.`,
      },
    ]);
  });
});

describe('a cross-account template in the shape of the reference architecture', () => {
  const [model] = loadPipelineFile(CROSS_ACCOUNT);
  const keyFix = 'encrypt the artifact store with a customer-managed KMS key, named by key ID or ARN, whose policy lets the other account use it (CrossAccountArtifactStore does this).';

  test('is read with the pipeline account from its role, the key by ARN, and target-account roles', () => {
    expect(model.context.account).toBe('111111111111');
    expect(model.artifactStore?.encryptionKey).toEqual({ id: 'arn:aws:kms:us-east-1:111111111111:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', type: 'KMS' });
    const [prepareTest, deployTest] = model.stages[2].actions;
    expect(prepareTest.roleArn).toBe('arn:aws:iam::222222222222:role/tools-pipeline-deploy');
    expect(deployTest.runOrder).toBe(2);
    const prepareProd = model.stages[4].actions[0];
    expect(prepareProd.roleArn).toEqual({
      unresolved: true,
      expression: { 'Fn::If': ['UseCrossAccountRoles', { 'Fn::Sub': 'arn:aws:iam::${ProdAccount}:role/tools-pipeline-deploy' }, { Ref: 'AWS::NoValue' }] },
    });
    expect(prepareProd.configuration.ChangeSetName).toEqual({ unresolved: true, expression: { 'Fn::Join': ['-', [{ Ref: 'AppName' }, 'prod', 'release']] } });
    // YAML's `Version: 1` is a number; the API takes the string "1".
    expect(prepareProd.actionTypeId.version).toBe(1);
  });

  test('passes every rule, under both quota profiles', () => {
    expect(validatePipeline(model)).toEqual([]);
    expect(validatePipeline(model, { quotas: { profile: 'classic' } })).toEqual([]);
  });

  test('a key named by alias is an error on each action in another account whose role is known', () => {
    const changed = template(CROSS_ACCOUNT);
    changed.Resources.ToolsPipeline.Properties.ArtifactStore.EncryptionKey.Id = 'alias/release-artifacts';
    const findings = validatePipeline(pipelinesFromTemplate(changed)[0]);
    const message = `the action runs in account 222222222222 but the artifact store names its key by alias (alias/release-artifacts), which other accounts resolve in their own account (${CROSS}). Fix: ${keyFix}`;
    expect(findings).toEqual([
      { ruleId: 'cross-account-key', severity: 'error', pipeline: '{"Fn::Sub":"${AppName}-release"}', stage: 'Test', action: 'PrepareTest', message },
      { ruleId: 'cross-account-key', severity: 'error', pipeline: '{"Fn::Sub":"${AppName}-release"}', stage: 'Test', action: 'DeployTest', message },
    ]);
  });

  test('without an encryption key the AWS managed key is an error for the cross-account actions', () => {
    const changed = template(CROSS_ACCOUNT);
    delete changed.Resources.ToolsPipeline.Properties.ArtifactStore.EncryptionKey;
    expect(validatePipeline(pipelinesFromTemplate(changed)[0]).map((f) => [f.ruleId, f.action, f.message])).toEqual([
      ['cross-account-key', 'PrepareTest', `the action runs in account 222222222222 but the artifact store uses the AWS managed key, which other accounts cannot use (${CROSS}). Fix: ${keyFix}`],
      ['cross-account-key', 'DeployTest', `the action runs in account 222222222222 but the artifact store uses the AWS managed key, which other accounts cannot use (${CROSS}). Fix: ${keyFix}`],
    ]);
  });

  test('a stack role in the prod account passed by a test-account action role is an error', () => {
    const changed = template(CROSS_ACCOUNT);
    changed.Resources.ToolsPipeline.Properties.Stages[2].Actions[0].Configuration.RoleArn = 'arn:aws:iam::333333333333:role/stack-deployer';
    expect(validatePipeline(pipelinesFromTemplate(changed)[0]).map((f) => [f.ruleId, f.stage, f.action, f.message])).toEqual([
      [
        'cfn-role-account',
        'Test',
        'PrepareTest',
        `the stack role (RoleArn) is in account 333333333333 but the action runs as a role in account 222222222222; a role cannot pass a role of another account (${CFN}). Fix: give the action a role in account 333333333333 (the action's roleArn), or use a stack role in account 222222222222.`,
      ],
    ]);
  });
});

describe('unresolved intrinsics never cause a false error', () => {
  const INTRINSICS: Record<string, (name: string) => unknown> = {
    Ref: (name) => ({ Ref: name }),
    'Fn::GetAtt': (name) => ({ 'Fn::GetAtt': [name, 'Value'] }),
    'Fn::Sub': (name) => ({ 'Fn::Sub': `\${${name}}` }),
    'Fn::If': (name) => ({ 'Fn::If': ['IsProd', { Ref: name }, { Ref: 'AWS::NoValue' }] }),
    'Fn::Join': (name) => ({ 'Fn::Join': ['', [{ Ref: name }]] }),
  };

  /** A JSON template in which every value a rule reads is the intrinsic `x`. */
  function everywhere(x: (name: string) => unknown): unknown {
    const action = (n: string, category: string, provider: string) => ({
      Name: x(`${n}Name`),
      ActionTypeId: { Category: category, Owner: x(`${n}Owner`), Provider: provider, Version: x(`${n}Version`) },
      RunOrder: x(`${n}RunOrder`),
      RoleArn: x(`${n}Role`),
      Region: x(`${n}Region`),
      Namespace: x(`${n}Namespace`),
    });
    return {
      Resources: {
        Pipeline: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Name: x('PipelineName'),
            RoleArn: x('PipelineRole'),
            ArtifactStore: { Type: 'S3', Location: x('Bucket'), EncryptionKey: { Id: x('Key'), Type: 'KMS' } },
            Tags: [{ Key: x('TagKey'), Value: x('TagValue') }],
            Stages: [
              {
                Name: x('SourceStage'),
                Actions: [{ ...action('Source', 'Source', 'S3'), Configuration: { S3Bucket: x('SourceBucket'), S3ObjectKey: x('SourceKey') }, OutputArtifacts: [{ Name: x('Artifact') }] }],
              },
              {
                Name: x('DeployStage'),
                Actions: [
                  {
                    ...action('Deploy', 'Deploy', 'CloudFormation'),
                    Configuration: {
                      ActionMode: x('Mode'), StackName: x('Stack'), ChangeSetName: x('ChangeSet'), RoleArn: x('StackRole'),
                      TemplatePath: x('TemplatePath'), TemplateConfiguration: x('TemplateConfiguration'),
                      ParameterOverrides: x('Overrides'), Capabilities: x('Capabilities'),
                    },
                    InputArtifacts: [{ Name: x('Artifact') }],
                  },
                  { ...action('Approve', 'Approval', 'Manual'), TimeoutInMinutes: x('Timeout'), Configuration: { CustomData: x('CustomData') } },
                ],
              },
            ],
          },
        },
      },
    };
  }

  test.each(Object.keys(INTRINSICS))('%s in every value', (name) => {
    const [model] = pipelinesFromTemplate(everywhere(INTRINSICS[name]));
    expect(validatePipeline(model)).toEqual([]);
    expect(validatePipeline(model, { quotas: { profile: 'classic' } })).toEqual([]);
  });

  test('Fn::If around a stage, an action, an action list, a configuration, artifact lists and an action type', () => {
    const [model] = loadPipelineFile(CONDITIONAL);
    expect(model.unresolvedParts).toEqual([
      'stages',
      'stages[1].actions',
      'stages[2].actions',
      'stages[2].actions[1].configuration',
      'stages[2].actions[1].inputArtifacts',
      'stages[2].actions[2].inputArtifacts',
      'tags',
    ]);
    expect(model.stages.map((s) => [s.name, s.actions.map((a) => a.name)])).toEqual([
      ['Source', ['Template']],
      ['Build', []],
      ['Deploy', ['Deploy', 'Cleanup', 'Test']],
    ]);
    expect(validatePipeline(model)).toEqual([]);
  });

  test('a real mistake beside the conditional parts is still found', () => {
    const changed = template(CONDITIONAL);
    changed.Resources.Release.Properties.Stages[2].Actions[0].Configuration.StackName = 'app_v2';
    expect(validatePipeline(pipelinesFromTemplate(changed)[0]).map((f) => [f.ruleId, f.stage, f.action])).toEqual([['cfn-stack-name', 'Deploy', 'Deploy']]);
  });
});

describe('pipelinesFromTemplate', () => {
  test('reads every pipeline of a JSON template; without Name, the logical ID stands in', () => {
    const stages = [
      { Name: 'Source', Actions: [{ Name: 'Source', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' }, Configuration: { S3Bucket: 'b', S3ObjectKey: 'k' }, OutputArtifacts: [{ Name: 'Src' }] }] },
      { Name: 'Approve', Actions: [{ Name: 'Approve', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' } }] },
    ];
    const models = pipelinesFromTemplate({
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue' },
        Named: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Name: 'named', Stages: stages } },
        Unnamed: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Stages: stages } },
      },
    }, { account: '111111111111', region: 'eu-west-1' });
    expect(models.map((m) => [m.name, m.nameIsGenerated, m.origin.logicalId, m.context.account, m.context.region])).toEqual([
      ['named', undefined, 'Named', '111111111111', 'eu-west-1'],
      ['Unnamed', true, 'Unnamed', '111111111111', 'eu-west-1'],
    ]);
    expect(models.flatMap((m) => validatePipeline(m))).toEqual([]);
  });

  test('a configuration value written as a JSON object (not text, not an intrinsic) is reported, not skipped', () => {
    const [model] = pipelinesFromTemplate({
      Resources: {
        P: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Name: 'release',
            Stages: [
              { Name: 'Source', Actions: [{ Name: 'Source', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' }, Configuration: { S3Bucket: 'b', S3ObjectKey: 'k' }, OutputArtifacts: [{ Name: 'Src' }] }] },
              {
                Name: 'Deploy',
                Actions: [{
                  Name: 'Deploy',
                  ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' },
                  InputArtifacts: [{ Name: 'Src' }],
                  Configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', TemplatePath: 'Src::t.yaml', RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ParameterOverrides: { Env: 'test' } },
                }],
              },
            ],
          },
        },
      },
    }, { account: '111111111111', region: 'us-east-1' });
    expect(model.stages[1].actions[0].nonTextConfiguration).toEqual(['ParameterOverrides']);
    expect(validatePipeline(model).map((f) => f.message)).toEqual([
      'configuration value ParameterOverrides is a JSON object or list; the API takes text (CodePipeline API reference). Fix: write ParameterOverrides as a string (for ParameterOverrides, the JSON object as a string).',
    ]);
  });

  test('turns the template\'s list of regional ArtifactStores into a map by region', () => {
    const [model] = pipelinesFromTemplate({
      Resources: {
        P: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Stages: [],
            ArtifactStores: [
              { Region: 'us-east-1', ArtifactStore: { Type: 'S3', Location: 'a-us', EncryptionKey: { Id: 'key-us', Type: 'KMS' } } },
              { Region: 'eu-west-1', ArtifactStore: { Type: 'S3', Location: 'a-eu' } },
            ],
          },
        },
      },
    });
    expect(model.artifactStores).toEqual({
      'us-east-1': { type: 'S3', location: 'a-us', encryptionKey: { id: 'key-us', type: 'KMS' } },
      'eu-west-1': { type: 'S3', location: 'a-eu', encryptionKey: undefined },
    });
  });

  test('knows whether the template\'s own buckets are versioned, by Ref and by literal name', () => {
    const [model] = pipelinesFromTemplate({
      Resources: {
        Plain: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'plain-source' } },
        Versioned: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } },
        P: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Stages: [] } },
      },
    }, { account: '111111111111' });
    expect(model.context.buckets).toEqual({
      '{"Ref":"Plain"}': { versioned: false, account: '111111111111' },
      'plain-source': { versioned: false, account: '111111111111' },
      '{"Ref":"Versioned"}': { versioned: true, account: '111111111111' },
    });
  });
});

describe('parseCloudFormationYaml', () => {
  test('reads every short form of the intrinsics the pipelines use', () => {
    const parsed = parseCloudFormationYaml([
      'a: !Ref Bucket',
      'b: !GetAtt Role.Arn',
      'c: !GetAtt [Role, Arn]',
      'd: !Sub "${AWS::StackName}-x"',
      'e: !Sub ["${A}-x", { A: !Ref Name }]',
      'f: !If [IsProd, one, !Ref AWS::NoValue]',
      'g: !Join ["-", [a, !Ref B]]',
      'h: !Equals [!Ref Env, prod]',
      'i: !ImportValue shared-key-arn',
      'j: !Select [0, !GetAZs ""]',
    ].join('\n'));
    expect(parsed).toEqual({
      a: { Ref: 'Bucket' },
      b: { 'Fn::GetAtt': ['Role', 'Arn'] },
      c: { 'Fn::GetAtt': ['Role', 'Arn'] },
      d: { 'Fn::Sub': '${AWS::StackName}-x' },
      e: { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Name' } }] },
      f: { 'Fn::If': ['IsProd', 'one', { Ref: 'AWS::NoValue' }] },
      g: { 'Fn::Join': ['-', ['a', { Ref: 'B' }]] },
      h: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      i: { 'Fn::ImportValue': 'shared-key-arn' },
      j: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    });
  });
});
