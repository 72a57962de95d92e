import { ALL_RULES } from '../../lib/rules';
import { formatFinding } from '../../lib/rules/finding';
import { validatePipeline } from '../../lib/validate';
import {
  PIPELINE_ACCOUNT,
  PROD_ACCOUNT,
  SOURCE,
  TEST_ACCOUNT,
  approval,
  cfnDeploy,
  check,
  codeBuild,
  finding,
  getAtt,
  intrinsic,
  pipeline,
  ref,
  roleIn,
  s3Source,
  stage,
  sub,
} from './builder';

describe('the rule engine', () => {
  // The README's rule table (test/readme-rules.test.ts) holds the list, its order and each rule's facts.
  test('rule IDs are unique and written in kebab case, as warnings are acknowledged by them', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  test('every rule is an error except the warnings for what the documents leave open', () => {
    expect(ALL_RULES.filter((rule) => rule.severity !== 'error').map((rule) => rule.id)).toEqual(['variable-reference-format', 'cfn-unused-configuration', 'pipeline-type-implicit', 'unique-pipeline-variables', 'trigger-filter-gaps', 'disabled-transition-targets', 'condition-results', 'condition-rule-usage', 'commands-fields', 'reserved-namespace']);
  });

  test('the builder\'s default pipeline yields no findings at all, under both profiles', () => {
    expect(check(pipeline())).toEqual([]);
    expect(check(pipeline(), undefined, { profile: 'classic' })).toEqual([]);
  });

  test('a cross-account release pipeline (test stack, approvals, prod change set) yields no findings', () => {
    const model = pipeline({
      artifactStore: { type: 'S3', location: 'artifacts', encryptionKey: { id: `arn:aws:kms:us-east-1:${PIPELINE_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, type: 'KMS' } },
      tags: [{ key: 'team', value: 'platform' }],
      stages: [
        stage('Source', s3Source('Template', { namespace: 'SourceVariables' })),
        stage('Build', codeBuild('Package', { outputs: ['Packaged'] })),
        stage('Test',
          cfnDeploy('CreateStack', {
            roleArn: roleIn(TEST_ACCOUNT, 'pipeline-deploy'),
            inputs: ['Packaged', 'Source'],
            configuration: {
              ActionMode: 'REPLACE_ON_FAILURE', StackName: 'test-app', RoleArn: roleIn(TEST_ACCOUNT, 'cfn'), Capabilities: 'CAPABILITY_IAM',
              TemplatePath: 'Packaged::template.yaml', TemplateConfiguration: 'Source::test.json',
              ParameterOverrides: JSON.stringify({ Key: { 'Fn::GetArtifactAtt': ['Packaged', 'ObjectKey'] } }),
            },
          }),
          approval('ApproveTestStack', { runOrder: 2, timeoutInMinutes: 60 }),
          cfnDeploy('DeleteTestStack', { runOrder: 3, roleArn: roleIn(TEST_ACCOUNT, 'pipeline-deploy'), inputs: [], configuration: { ActionMode: 'DELETE_ONLY', StackName: 'test-app', RoleArn: roleIn(TEST_ACCOUNT, 'cfn'), TemplatePath: undefined } })),
        stage('Prod',
          cfnDeploy('CreateChangeSet', { roleArn: roleIn(PROD_ACCOUNT, 'pipeline-deploy'), inputs: ['Packaged'], configuration: { ActionMode: 'CHANGE_SET_REPLACE', StackName: 'prod-app', ChangeSetName: 'release', RoleArn: roleIn(PROD_ACCOUNT, 'cfn'), TemplatePath: 'Packaged::template.yaml' } }),
          approval('ApproveChangeSet', { runOrder: 2 }),
          cfnDeploy('ExecuteChangeSet', { runOrder: 3, roleArn: roleIn(PROD_ACCOUNT, 'pipeline-deploy'), inputs: [], configuration: { ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'prod-app', ChangeSetName: 'release', TemplatePath: undefined } })),
      ],
    });
    expect(check(model)).toEqual([]);
  });

  test('unresolved values (Ref, GetAtt, Sub, If, Join) never cause a finding, wherever they are', () => {
    const ifValue = (a: unknown, b: unknown) => intrinsic({ 'Fn::If': ['IsProd', a, b] });
    const join = (...parts: unknown[]) => intrinsic({ 'Fn::Join': ['', parts] });
    const model = pipeline({
      name: ref('PipelineName'),
      artifactStore: { type: 'S3', location: ref('Artifacts'), encryptionKey: { id: ref('KeyArn'), type: 'KMS' } },
      tags: [{ key: ref('TagKey'), value: sub('${AWS::StackName}') }],
      stages: [
        stage(sub('${Prefix}Source'),
          s3Source(ref('SourceName'), {
            namespace: ref('Namespace'),
            region: ref('AWS::Region'),
            roleArn: getAtt('SourceRole', 'Arn'),
            configuration: { S3Bucket: ref('SourceBucket'), S3ObjectKey: sub('${Prefix}/app.zip') },
            outputs: [ref('SourceArtifact')],
          })),
        stage(ref('DeployStage'),
          cfnDeploy(sub('Deploy-${Env}'), {
            type: { category: ifValue('Deploy', 'Test'), owner: ref('Owner'), provider: ref('Provider'), version: ref('Version') },
            runOrder: ref('RunOrder'),
            timeoutInMinutes: ref('Timeout'),
            roleArn: ifValue(`arn:aws:iam::${TEST_ACCOUNT}:role/deploy`, { Ref: 'AWS::NoValue' }),
            inputs: [ref('SourceArtifact')],
            configuration: {
              ActionMode: ref('Mode'), StackName: ref('Stack'), RoleArn: getAtt('StackRole', 'Arn'),
              TemplatePath: sub('${Artifact}::template.yaml'), ChangeSetName: ref('ChangeSet'), Capabilities: ifValue('CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'),
              ParameterOverrides: join('{"Env":"', { Ref: 'Env' }, '"}'),
            },
          }),
          approval(join('Approve', { Ref: 'Env' }), { runOrder: 2, timeoutInMinutes: ref('ApprovalTimeout'), configuration: { CustomData: sub('Approve ${Env}?') } })),
      ],
    });
    expect(check(model)).toEqual([]);
    expect(check(model, undefined, { profile: 'classic' })).toEqual([]);
  });

  test('stage and action lists only known at deploy time are not counted or ordered', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy')], unresolvedParts: ['stages[1].actions'] });
    expect(check(model)).toEqual([]);
    expect(check(pipeline({ stages: [], unresolvedParts: ['stages'] }))).toEqual([]);
  });

  test('a finding carries the file, the construct path and a message of what, source and fix', () => {
    const model = { ...pipeline({ stages: [stage('Source', s3Source())] }), origin: { file: 'pipeline.yaml', constructPath: 'Delivery/Pipeline' } };
    const [only] = validatePipeline(model);
    expect(only).toEqual({
      ...finding('stage-count', {}, `the pipeline has 1 stage; at least 2 are required (${SOURCE.QUOTAS}). Fix: add a source stage followed by at least one stage that builds, tests, approves or deploys.`),
      file: 'pipeline.yaml',
      constructPath: 'Delivery/Pipeline',
    });
    expect(formatFinding(only)).toBe(`[error stage-count] pipeline "Release": ${only.message}`);
  });

  test('an unresolved pipeline, stage or action name is shown as its expression', () => {
    const model = pipeline({ name: ref('PipelineName'), stages: [stage('Source', s3Source()), stage(ref('StageName'), approval(ref('ActionName'), { timeoutInMinutes: 1 }))] });
    const [only] = check(model);
    expect(only).toMatchObject({ ruleId: 'action-timeout', pipeline: '{"Ref":"PipelineName"}', stage: '{"Ref":"StageName"}', action: '{"Ref":"ActionName"}' });
    expect(formatFinding(only)).toMatch(/^\[error action-timeout\] stage "\{"Ref":"StageName"\}", action "\{"Ref":"ActionName"\}": timeoutInMinutes 1 /);
  });
});
