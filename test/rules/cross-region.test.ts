import { ArtifactStoreModel } from '../../lib/model/pipeline-model';
import { pipelinesFromTemplate } from '../../lib/model/from-cloudformation';
import { actionRoleRegion } from '../../lib/rules/action-role-region';
import { crossRegionArtifactStores } from '../../lib/rules/cross-region-artifact-stores';
import { validatePipeline } from '../../lib/validate';
import { PIPELINE_ACCOUNT, PROD_ACCOUNT, SOURCE, approval, cfnDeploy, check, codeBuild, finding, pipeline, ref, roleIn, s3Source, stage } from './builder';

const RULE_SOURCE = `${SOURCE.CROSS_REGION}; ${SOURCE.API}, PipelineDeclaration artifactStores`;
const store = (location: string): ArtifactStoreModel => ({ type: 'S3', location });
/** A pipeline in us-east-1 with per-region stores only (the builder's default has a single store). */
const regional = (stores: Record<string, ArtifactStoreModel>, ...actions: Parameters<typeof stage>[1][]) => {
  const model = pipeline({ artifactStores: stores, stages: [stage('Source', s3Source()), stage('Deploy', ...actions)] });
  return { ...model, artifactStore: undefined };
};

describe('cross-region-artifact-stores', () => {
  test('ArtifactStore and ArtifactStores together is an error of the pipeline', () => {
    const model = pipeline({ artifactStores: { 'us-east-1': store('artifacts') } });
    expect(check(model, crossRegionArtifactStores)).toEqual([
      finding('cross-region-artifact-stores', {}, `the pipeline declares both ArtifactStore and ArtifactStores; the API takes one of them (${RULE_SOURCE}). Fix: remove ArtifactStore, and give its bucket as the ArtifactStores entry of the pipeline's own region.`),
    ]);
  });

  test('a single ArtifactStore with actions in other regions is one error, at the first of them, naming every region', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('Deploy', cfnDeploy('Europe', { region: 'eu-west-1' }), cfnDeploy('Asia', { region: 'ap-south-1' }), cfnDeploy('Europe2', { region: 'eu-west-1' })),
      ],
    });
    expect(check(model, crossRegionArtifactStores)).toEqual([
      finding(
        'cross-region-artifact-stores',
        { stage: 'Deploy', action: 'Europe' },
        `the action runs in eu-west-1, but the pipeline (in us-east-1) has a single ArtifactStore; a pipeline with actions in other regions needs ArtifactStores, with a store in its own region and in each region its actions run in (us-east-1, eu-west-1, ap-south-1) (${RULE_SOURCE}). Fix: replace ArtifactStore with ArtifactStores holding a store (an S3 bucket in that region) for each of us-east-1, eu-west-1, ap-south-1.`,
      ),
    ]);
  });

  test('ArtifactStores without the pipeline\'s own region is an error of the pipeline', () => {
    const model = regional({ 'eu-west-1': store('artifacts-eu') }, cfnDeploy('Deploy', { region: 'eu-west-1' }));
    expect(check(model, crossRegionArtifactStores)).toEqual([
      finding('cross-region-artifact-stores', {}, `ArtifactStores has no store for the pipeline's own region us-east-1 (it has eu-west-1) (${RULE_SOURCE}). Fix: add a store in us-east-1 to ArtifactStores.`),
    ]);
  });

  test('an action\'s region without a store is one error per region, at its first action', () => {
    const model = regional(
      { 'us-east-1': store('artifacts'), 'eu-west-1': store('artifacts-eu') },
      cfnDeploy('Europe', { region: 'eu-west-1' }),
      cfnDeploy('Asia', { region: 'ap-south-1' }),
      approval('Check', { region: 'ap-south-1', runOrder: 2 }),
      codeBuild('Test', { region: 'ap-south-1', runOrder: 2 }),
    );
    expect(check(model, crossRegionArtifactStores)).toEqual([
      finding(
        'cross-region-artifact-stores',
        { stage: 'Deploy', action: 'Asia' },
        `the action runs in ap-south-1, but ArtifactStores has no store there (it has eu-west-1, us-east-1); 2 more actions run there (${RULE_SOURCE}). Fix: add a store in ap-south-1 (an S3 bucket in ap-south-1) to ArtifactStores, or run the action in a region that has one.`,
      ),
    ]);
  });

  test('a store for each region passes, and so does a store for a region no action runs in', () => {
    const stores = { 'us-east-1': store('artifacts'), 'eu-west-1': store('artifacts-eu'), 'ap-south-1': store('artifacts-ap') };
    expect(check(regional(stores, cfnDeploy('Europe', { region: 'eu-west-1' }), cfnDeploy('Here')), crossRegionArtifactStores)).toEqual([]);
    expect(check(regional({ 'us-east-1': store('artifacts'), 'eu-west-1': store('artifacts-eu') }, cfnDeploy()), crossRegionArtifactStores)).toEqual([]);
  });

  test('a single ArtifactStore passes when every action runs in the pipeline\'s region, named or not', () => {
    expect(check(pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { region: 'us-east-1' }))] }), crossRegionArtifactStores)).toEqual([]);
  });

  test('a source action in another region is source-region\'s finding alone', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source', { region: 'eu-west-1' })), stage('Deploy', cfnDeploy())] });
    expect(validatePipeline(model).map((f) => f.ruleId)).toEqual(['source-region']);
  });

  test('a region only known at deploy time, or an unknown pipeline region with one store, is no finding', () => {
    const deployTime = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { region: ref('TargetRegion') }))] });
    expect(check(deployTime, crossRegionArtifactStores)).toEqual([]);
    const noRegion = pipeline({ context: { account: PIPELINE_ACCOUNT }, stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { region: 'eu-west-1' }))] });
    expect(check(noRegion, crossRegionArtifactStores)).toEqual([]);
  });

  test('with the pipeline\'s region unknown, an action region missing from ArtifactStores is still an error', () => {
    const model = { ...regional({ 'us-east-1': store('artifacts') }, cfnDeploy('Deploy', { region: 'eu-west-1' })), context: { account: PIPELINE_ACCOUNT } };
    expect(check(model, crossRegionArtifactStores).map((f) => f.message)).toEqual([
      `the action runs in eu-west-1, but ArtifactStores has no store there (it has us-east-1) (${RULE_SOURCE}). Fix: add a store in eu-west-1 (an S3 bucket in eu-west-1) to ArtifactStores, or run the action in a region that has one.`,
    ]);
  });

  describe('from a template', () => {
    const template = (entries: unknown[]) => ({
      Resources: {
        Pipeline: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            RoleArn: roleIn(PIPELINE_ACCOUNT, 'pipeline'),
            ArtifactStores: entries,
            Stages: [
              { Name: 'Source', Actions: [{ Name: 'Source', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' }, Configuration: { S3Bucket: 'b', S3ObjectKey: 'k' }, OutputArtifacts: [{ Name: 'Source' }] }] },
              { Name: 'Deploy', Actions: [{ Name: 'Deploy', Region: 'eu-west-1', ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' }, Configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', TemplatePath: 'Source::t.yaml' }, InputArtifacts: [{ Name: 'Source' }] }] },
            ],
          },
        },
      },
    });
    const entry = (region: unknown) => ({ Region: region, ArtifactStore: { Type: 'S3', Location: 'bucket' } });
    const models = (entries: unknown[]) => pipelinesFromTemplate(template(entries), { region: 'us-east-1' });

    test('an entry whose Region is an intrinsic leaves the stores\' regions to deploy time: no finding', () => {
      const [model] = models([entry('us-east-1'), entry({ Ref: 'SecondRegion' })]);
      expect(model.unresolvedParts).toEqual(['artifactStores']);
      expect(check(model, crossRegionArtifactStores)).toEqual([]);
    });

    test('an entry behind an intrinsic likewise', () => {
      const [model] = models([entry('us-east-1'), { 'Fn::If': ['InEurope', entry('eu-west-1'), { Ref: 'AWS::NoValue' }] }]);
      expect(check(model, crossRegionArtifactStores)).toEqual([]);
    });

    test('a malformed entry is declaration-shape\'s finding alone', () => {
      const [model] = models([entry('us-east-1'), entry(42)]);
      expect(validatePipeline(model).map((f) => f.ruleId)).toEqual(['declaration-shape']);
    });

    test('literal entries are checked', () => {
      const [model] = models([entry('us-east-1')]);
      expect(check(model, crossRegionArtifactStores).map((f) => f.action)).toEqual(['Deploy']);
      expect(check(models([entry('us-east-1'), entry('eu-west-1')])[0], crossRegionArtifactStores)).toEqual([]);
    });
  });
});

describe('action-role-region', () => {
  const europeRole = roleIn(PROD_ACCOUNT, 'release-deploy-action-eu-west-1');
  const europeStackRole = roleIn(PROD_ACCOUNT, 'release-cfn-execution-eu-west-1');
  const usRole = roleIn(PROD_ACCOUNT, 'release-deploy-action');
  const roles = {
    [europeRole]: { regions: ['eu-west-1'], definedBy: 'Targets/ProdEurope' },
    [europeStackRole]: { regions: ['eu-west-1'], definedBy: 'Targets/ProdEurope' },
    [usRole]: { regions: ['us-east-1'], definedBy: 'Targets/Prod' },
  };
  const stores = { 'us-east-1': store('artifacts'), 'eu-west-1': store('artifacts-eu') };
  const deploying = (...actions: Parameters<typeof stage>[1][]) => ({
    ...regional(stores, ...actions),
    context: { account: PIPELINE_ACCOUNT, region: 'us-east-1', roles },
  });
  const fix = (region: string) => `Fix: use the roles of a DeploymentTarget with region: '${region}' for this action, or run the action in the region its roles were made for.`;

  test('an action in the pipeline\'s region assuming a role made for another region is an error', () => {
    const model = deploying(cfnDeploy('Deploy', { roleArn: europeRole }));
    expect(check(model, actionRoleRegion)).toEqual([
      finding('action-role-region', { stage: 'Deploy', action: 'Deploy' }, `the action runs in us-east-1, but its role ${europeRole} is Targets/ProdEurope's, made for eu-west-1: its permissions do not reach us-east-1 (${SOURCE.CROSS_REGION}). ${fix('us-east-1')}`),
    ]);
  });

  test('a stack role made for another region is an error, and both roles wrong is one finding', () => {
    const stackRoleOnly = deploying(cfnDeploy('Deploy', { region: 'eu-west-1', roleArn: europeRole, configuration: { RoleArn: roleIn(PROD_ACCOUNT, 'release-cfn-execution'), } }));
    expect(check({ ...stackRoleOnly, context: { ...stackRoleOnly.context, roles: { ...roles, [roleIn(PROD_ACCOUNT, 'release-cfn-execution')]: { regions: ['us-east-1'], definedBy: 'Targets/Prod' } } } }, actionRoleRegion).map((f) => f.message)).toEqual([
      `the action runs in eu-west-1, but its stack role (RoleArn) ${roleIn(PROD_ACCOUNT, 'release-cfn-execution')} is Targets/Prod's, made for us-east-1: its permissions do not reach eu-west-1 (${SOURCE.CROSS_REGION}). ${fix('eu-west-1')}`,
    ]);
    const both = deploying(cfnDeploy('Deploy', { roleArn: europeRole, configuration: { RoleArn: europeStackRole } }));
    expect(check(both, actionRoleRegion).map((f) => f.message)).toEqual([
      `the action runs in us-east-1, but its role ${europeRole} is Targets/ProdEurope's, made for eu-west-1; and its stack role (RoleArn) ${europeStackRole} is Targets/ProdEurope's, made for eu-west-1: its permissions do not reach us-east-1 (${SOURCE.CROSS_REGION}). ${fix('us-east-1')}`,
    ]);
  });

  test('roles made for the action\'s region pass, in either region', () => {
    expect(check(deploying(cfnDeploy('Europe', { region: 'eu-west-1', roleArn: europeRole, configuration: { RoleArn: europeStackRole } }), cfnDeploy('Here', { roleArn: usRole })), actionRoleRegion)).toEqual([]);
  });

  test('a role of a target in several regions passes in each of them', () => {
    const model = deploying(cfnDeploy('Deploy', { roleArn: europeRole }));
    expect(check({ ...model, context: { ...model.context, roles: { [europeRole]: { regions: ['eu-west-1', 'us-east-1'], definedBy: 'Targets/Prod' } } } }, actionRoleRegion)).toEqual([]);
  });

  test('a region or role only known at deploy time, a role the app does not define, or no role facts: no finding', () => {
    expect(check(deploying(cfnDeploy('Deploy', { region: ref('Region'), roleArn: europeRole })), actionRoleRegion)).toEqual([]);
    expect(check(deploying(cfnDeploy('Deploy', { roleArn: ref('RoleArn'), configuration: { RoleArn: ref('StackRole') } })), actionRoleRegion)).toEqual([]);
    expect(check(deploying(cfnDeploy('Deploy', { roleArn: roleIn(PROD_ACCOUNT, 'elsewhere') })), actionRoleRegion)).toEqual([]);
    const unknownPipelineRegion = deploying(cfnDeploy('Deploy', { roleArn: europeRole }));
    expect(check({ ...unknownPipelineRegion, context: { account: PIPELINE_ACCOUNT, roles } }, actionRoleRegion)).toEqual([]);
    expect(check({ ...unknownPipelineRegion, context: { account: PIPELINE_ACCOUNT, region: 'us-east-1' } }, actionRoleRegion)).toEqual([]);
  });

  test('a role ARN that names an Object property is not a fact', () => {
    expect(check(deploying(cfnDeploy('Deploy', { roleArn: 'constructor' })), actionRoleRegion)).toEqual([]);
  });
});
