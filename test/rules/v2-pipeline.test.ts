import { pipelinesFromDocument } from '../../lib/model/load-file';
import { GitPullRequestFilterModel, GitPushFilterModel } from '../../lib/model/pipeline-model';
import { disabledTransitionTargets } from '../../lib/rules/disabled-transition-targets';
import { disabledTransitions } from '../../lib/rules/disabled-transitions';
import { executionMode } from '../../lib/rules/execution-mode';
import { pipelineType } from '../../lib/rules/pipeline-type';
import { pipelineTypeImplicit } from '../../lib/rules/pipeline-type-implicit';
import { pipelineVariables } from '../../lib/rules/pipeline-variables';
import { triggerFilterGaps } from '../../lib/rules/trigger-filter-gaps';
import { triggerFilters } from '../../lib/rules/trigger-filters';
import { triggers } from '../../lib/rules/triggers';
import { uniquePipelineVariables } from '../../lib/rules/unique-pipeline-variables';
import { SOURCE, approval, cfnDeploy, check, codeBuild, finding, ref, s3Source, stage } from './builder';
import {
  commandsAction,
  connectionSource,
  disabledTransition,
  including,
  onBranches,
  onTags,
  pullRequestInto,
  trigger,
  v2Pipeline,
  variable,
  variables,
} from './v2-pipeline-builder';

/** The documents these rules cite, written out so that a changed citation fails a test. */
const PIPELINE_TYPES = 'CodePipeline user guide, Pipeline types';
const COMMANDS = 'CodePipeline user guide, Commands action reference';
const VARIABLES = 'CodePipeline user guide, Variables reference';
const TRIGGER_FILTERS = 'CodePipeline user guide, Filter triggers on code push or pull requests';
const TRANSITIONS = 'CodePipeline user guide, Working with stage transitions in CodePipeline';
const CFN_PIPELINE = 'CloudFormation template reference, AWS::CodePipeline::Pipeline';

const VARIABLE_CHARS = 'letters, digits, "@", "_" and "-"';
const PUSH_COMBINATIONS = 'a push filter is on tags, on branches, or on branches and file paths';

test('the V2 builder pipeline, with a variable, a trigger and a disabled transition, yields no findings at all', () => {
  const model = v2Pipeline({
    executionMode: 'QUEUED',
    variables: [variable('Region', 'us-east-1', 'Where to deploy')],
    triggers: [trigger('Source', { push: [onBranches('main')], pullRequest: [pullRequestInto(['main'])] })],
    disabledInboundTransitions: [disabledTransition('Deploy')],
  });
  expect(check(model)).toEqual([]);
});

describe('execution-mode', () => {
  test('SUPERSEDED, QUEUED and PARALLEL pass; no mode passes', () => {
    for (const mode of ['SUPERSEDED', 'QUEUED', 'PARALLEL', undefined]) expect(check(v2Pipeline({ executionMode: mode }), executionMode)).toEqual([]);
  });

  test('a mode outside the enum is an error; one in lower case is told to be written in capitals', () => {
    expect(check(v2Pipeline({ executionMode: 'SOMETIMES' }), executionMode)).toEqual([
      finding('execution-mode', {}, `execution mode "SOMETIMES" is not SUPERSEDED, QUEUED or PARALLEL (${SOURCE.API}). Fix: use SUPERSEDED (the default), QUEUED or PARALLEL.`),
    ]);
    expect(check(v2Pipeline({ executionMode: 'queued' }), executionMode)).toEqual([
      finding('execution-mode', {}, `execution mode "queued" is not SUPERSEDED, QUEUED or PARALLEL (${SOURCE.API}). Fix: write it as QUEUED.`),
    ]);
  });

  test('a mode only known at deploy time is skipped', () => {
    expect(check(v2Pipeline({ executionMode: ref('Mode') }), executionMode)).toEqual([]);
  });
});

describe('pipeline-type', () => {
  const v1 = (props: Parameters<typeof v2Pipeline>[0]) => v2Pipeline({ ...props, pipelineType: 'V1' });

  test('a type other than V1 or V2 is an error', () => {
    expect(check(v2Pipeline({ pipelineType: 'V3' }), pipelineType)).toEqual([
      finding('pipeline-type', {}, `pipeline type "V3" is not V1 or V2 (${SOURCE.API}). Fix: set PipelineType to V2 (or V1).`),
    ]);
    expect(check(v2Pipeline({ pipelineType: 'v2' }), pipelineType)).toEqual([
      finding('pipeline-type', {}, `pipeline type "v2" is not V1 or V2 (${SOURCE.API}). Fix: write it as V2.`),
    ]);
  });

  test('each V2 feature on a V1 pipeline is an error where it is', () => {
    const model = v1({
      executionMode: 'PARALLEL',
      variables: variables(2),
      triggers: [trigger()],
      stages: [
        stage('Source', connectionSource()),
        { ...stage('Test', commandsAction()), beforeEntry: { conditions: [] } },
        { ...stage('Deploy', cfnDeploy()), onSuccess: { conditions: [] }, onFailure: { result: 'ROLLBACK' } },
        { ...stage('Verify', approval()), onFailure: { result: 'RETRY' } },
      ],
    });
    const fix = 'Fix: set PipelineType to V2, or remove the V2 feature.';
    const message = (what: string, source = PIPELINE_TYPES) => `the pipeline is V1 but has ${what}, which only a V2 pipeline may have (${source}). ${fix}`;
    expect(check(model, pipelineType)).toEqual([
      finding('pipeline-type', {}, message('2 pipeline variables')),
      finding('pipeline-type', {}, message('1 trigger')),
      finding('pipeline-type', {}, message('the PARALLEL execution mode')),
      finding('pipeline-type', { stage: 'Test' }, message('an entry condition (beforeEntry)')),
      finding('pipeline-type', { stage: 'Deploy' }, message('a success condition (onSuccess)')),
      finding('pipeline-type', { stage: 'Deploy' }, message('a rollback on failure (onFailure)')),
      finding('pipeline-type', { stage: 'Verify' }, message('a failure condition (onFailure)')),
      finding('pipeline-type', { stage: 'Test', action: 'Test' }, message('a Commands action', COMMANDS)),
    ]);
  });

  test('a V1 pipeline without V2 features, SUPERSEDED included, passes; so does a V2 pipeline with them', () => {
    expect(check(v1({ executionMode: 'SUPERSEDED', variables: [], triggers: [] }), pipelineType)).toEqual([]);
    expect(check(v2Pipeline({ executionMode: 'QUEUED', variables: variables(1), triggers: [trigger()] }), pipelineType)).toEqual([]);
  });

  test('a type only known at deploy time is skipped, and so is a list of variables behind an intrinsic', () => {
    expect(check(v2Pipeline({ pipelineType: ref('Type'), triggers: [trigger()] }), pipelineType)).toEqual([]);
    expect(check(v1({ variables: [] }), pipelineType)).toEqual([]);
  });
});

describe('pipeline-type-implicit', () => {
  const untyped = (props: Parameters<typeof v2Pipeline>[0]) => v2Pipeline({ ...props, pipelineType: null });

  test('V2 features on a pipeline without a type make one warning that names the first three', () => {
    const model = untyped({
      executionMode: 'QUEUED',
      triggers: [trigger()],
      stages: [stage('Source', connectionSource()), { ...stage('Test', commandsAction()), onFailure: { result: 'ROLLBACK' } }],
    });
    expect(check(model, pipelineTypeImplicit)).toEqual([
      finding(
        'pipeline-type-implicit',
        {},
        'the pipeline states no type but has 1 trigger, the QUEUED execution mode, a rollback on failure (onFailure) in stage "Test" and 1 more: '
          + `the service makes it a V2 pipeline, priced as V2 (${SOURCE.API}). Fix: set PipelineType to V2, so that the declaration states the type the pipeline gets.`,
        'warning',
      ),
    ]);
  });

  test('a Commands action alone is named with its action', () => {
    const model = untyped({ stages: [stage('Source', connectionSource()), stage('Test', commandsAction('UnitTests'))] });
    expect(check(model, pipelineTypeImplicit)[0].message).toMatch(/^the pipeline states no type but has a Commands action \("UnitTests"\): /);
  });

  test('no warning without V2 features, nor when the type is stated', () => {
    expect(check(untyped({ executionMode: 'SUPERSEDED' }), pipelineTypeImplicit)).toEqual([]);
    expect(check(v2Pipeline({ triggers: [trigger()] }), pipelineTypeImplicit)).toEqual([]);
    expect(check(v2Pipeline({ pipelineType: 'V1', triggers: [trigger()] }), pipelineTypeImplicit)).toEqual([]);
  });
});

describe('pipeline-variables', () => {
  test('50 variables pass; 51 are an error', () => {
    expect(check(v2Pipeline({ variables: variables(50) }), pipelineVariables)).toEqual([]);
    expect(check(v2Pipeline({ variables: variables(51) }), pipelineVariables)).toEqual([
      finding('pipeline-variables', {}, `the pipeline's variable list has 51 variables; the limit is 50 (${SOURCE.API}). Fix: declare at most 50 variables.`),
    ]);
  });

  test('51 variables are an error even when one more is behind an intrinsic; 50 and an intrinsic one are not', () => {
    const unresolvedParts = ['variables'];
    expect(check(v2Pipeline({ variables: variables(51), unresolvedParts }), pipelineVariables)).toHaveLength(1);
    expect(check(v2Pipeline({ variables: variables(50), unresolvedParts }), pipelineVariables)).toEqual([]);
  });

  test('a name of 128 characters passes; 129 are an error', () => {
    expect(check(v2Pipeline({ variables: [variable('v'.repeat(128))] }), pipelineVariables)).toEqual([]);
    const long = 'v'.repeat(129);
    expect(check(v2Pipeline({ variables: [variable(long)] }), pipelineVariables)).toEqual([
      finding('pipeline-variables', {}, `pipeline variable name "${long}" is 129 characters; the limit is 128 (${SOURCE.API}). Fix: shorten it to 128 characters or fewer.`),
    ]);
  });

  test('a name with a space or "." is an error; "@", "_" and "-" pass', () => {
    expect(check(v2Pipeline({ variables: [variable('bad name!'), variable('app.version')] }), pipelineVariables)).toEqual([
      finding('pipeline-variables', {}, `pipeline variable name "bad name!" contains " ", "!"; only ${VARIABLE_CHARS} are allowed (${SOURCE.API}). Fix: remove or replace " ", "!".`),
      finding('pipeline-variables', {}, `pipeline variable name "app.version" contains "."; only ${VARIABLE_CHARS} are allowed (${SOURCE.API}). Fix: remove or replace ".".`),
    ]);
    expect(check(v2Pipeline({ variables: [variable('deploy@eu_west-1')] }), pipelineVariables)).toEqual([]);
  });

  test('a missing name is an error', () => {
    expect(check(v2Pipeline({ variables: [variable('')] }), pipelineVariables)).toEqual([
      finding('pipeline-variables', {}, `pipeline variable name is missing or empty (${SOURCE.API}). Fix: give it a name of 1–128 characters (${VARIABLE_CHARS}).`),
    ]);
  });

  test('a default value of 1000 characters passes; 1001 and an empty one are errors', () => {
    expect(check(v2Pipeline({ variables: [variable('Version', 'x'.repeat(1000)), variable('One', 'x')] }), pipelineVariables)).toEqual([]);
    expect(check(v2Pipeline({ variables: [variable('Version', 'x'.repeat(1001)), variable('Empty', '')] }), pipelineVariables)).toEqual([
      finding('pipeline-variables', {}, `the default value of pipeline variable "Version" is 1001 characters; the limit is 1000 (${SOURCE.API}). Fix: leave DefaultValue out, or give it 1 to 1000 characters.`),
      finding('pipeline-variables', {}, `the default value of pipeline variable "Empty" is empty; it takes 1–1000 characters (${SOURCE.API}). Fix: leave DefaultValue out, or give it 1 to 1000 characters.`),
    ]);
  });

  test('a description of 200 characters passes, and so does an empty one; 201 are an error', () => {
    expect(check(v2Pipeline({ variables: [variable('A', undefined, 'd'.repeat(200)), variable('B', undefined, '')] }), pipelineVariables)).toEqual([]);
    expect(check(v2Pipeline({ variables: [variable('A', undefined, 'd'.repeat(201))] }), pipelineVariables)).toEqual([
      finding('pipeline-variables', {}, `the description of pipeline variable "A" is 201 characters; the limit is 200 (${SOURCE.API}). Fix: shorten the description to 200 characters or fewer.`),
    ]);
  });

  test('values only known at deploy time are skipped', () => {
    expect(check(v2Pipeline({ variables: [variable(ref('Name'), ref('Value'), ref('Description'))] }), pipelineVariables)).toEqual([]);
  });
});

describe('unique-pipeline-variables', () => {
  test('a name declared twice (or three times) is one warning', () => {
    const model = v2Pipeline({ variables: [variable('Region'), variable('Stage'), variable('Region'), variable('Region')] });
    expect(check(model, uniquePipelineVariables)).toEqual([
      finding(
        'unique-pipeline-variables',
        {},
        `pipeline variable "Region" is declared more than once; #{variables.Region} names one value (${VARIABLES}). Fix: remove the extra declarations of "Region", or rename them.`,
        'warning',
      ),
    ]);
  });

  test('distinct names pass; names only known at deploy time are skipped', () => {
    expect(check(v2Pipeline({ variables: variables(50) }), uniquePipelineVariables)).toEqual([]);
    expect(check(v2Pipeline({ variables: [variable(ref('A')), variable(ref('A'))] }), uniquePipelineVariables)).toEqual([]);
  });
});

describe('triggers', () => {
  /** A first stage of `count` connection sources named Source1…, each with its own trigger. */
  const manyTriggers = (count: number) => {
    const names = Array.from({ length: count }, (_, i) => `Source${i + 1}`);
    return v2Pipeline({ stages: [stage('Source', ...names.map(connectionSource)), stage('Deploy', cfnDeploy())], triggers: names.map((name) => trigger(name)) });
  };

  test('50 triggers pass; 51 are an error', () => {
    expect(check(manyTriggers(50), triggers)).toEqual([]);
    expect(check(manyTriggers(51), triggers)).toEqual([
      finding('triggers', {}, `the pipeline's trigger list has 51 triggers; the limit is 50 (${SOURCE.API}). Fix: declare at most 50 triggers.`),
    ]);
  });

  test('a provider type other than CodeStarSourceConnection, or none, is an error', () => {
    const model = v2Pipeline({ triggers: [trigger('Source', { providerType: 'GitHub' }), { sourceActionName: 'Source' } as never] });
    expect(check(model, triggers)).toEqual([
      finding('triggers', {}, `trigger 1 has providerType "GitHub"; the only provider type is CodeStarSourceConnection (${SOURCE.API}). Fix: set ProviderType to CodeStarSourceConnection: triggers start a pipeline from a connection source (GitHub, GitLab, Bitbucket).`),
      finding('triggers', {}, `trigger 2 has no providerType (${SOURCE.API}). Fix: set ProviderType to CodeStarSourceConnection.`),
      finding('triggers', {}, `trigger 2 names source action "Source", which trigger 1 names too; a source action takes one trigger (${SOURCE.API}). Fix: merge the two triggers into one: a trigger takes up to 3 push and 3 pull-request filters.`),
    ]);
  });

  test('a trigger naming an action the pipeline does not have is an error', () => {
    expect(check(v2Pipeline({ triggers: [trigger('Missing')] }), triggers)).toEqual([
      finding('triggers', {}, `trigger 1 names source action "Missing", which is not an action of the pipeline (${SOURCE.API}). Fix: name the pipeline's CodeStarSourceConnection source action, or add one named "Missing" to the first stage.`),
    ]);
  });

  test('a trigger naming no action is an error', () => {
    expect(check(v2Pipeline({ triggers: [trigger('')] }), triggers)).toEqual([
      finding('triggers', {}, `trigger 1 names no source action (gitConfiguration.sourceActionName) (${SOURCE.API}). Fix: name the pipeline's CodeStarSourceConnection source action in SourceActionName.`),
    ]);
  });

  test('a trigger naming a build action, or an S3 source, is an error at that action', () => {
    const model = v2Pipeline({
      stages: [stage('Source', connectionSource(), s3Source('Templates', { outputs: ['Templates'] })), stage('Build', codeBuild())],
      triggers: [trigger('Build'), trigger('Templates')],
    });
    expect(check(model, triggers)).toEqual([
      finding('triggers', { stage: 'Build', action: 'Build' }, `trigger 1 names "Build", a Build action; a trigger names a source action (${SOURCE.API}). Fix: name the pipeline's CodeStarSourceConnection source action.`),
      finding('triggers', { stage: 'Source', action: 'Templates' }, `trigger 2 names source action "Templates", of provider S3; triggers take only CodeStarSourceConnection source actions (${SOURCE.API}). Fix: use a CodeStarSourceConnection source action (GitHub, GitLab, Bitbucket), or remove the trigger and let the source detect changes itself.`),
    ]);
  });

  test('an action of the same name in another stage does not hide the connection source', () => {
    const model = v2Pipeline({ stages: [stage('Source', connectionSource('App')), stage('Build', codeBuild('App'))], triggers: [trigger('App')] });
    expect(check(model, triggers)).toEqual([]);
  });

  test('a missing action is not reported when some action name or the stage list is only known at deploy time', () => {
    const unnamed = v2Pipeline({ stages: [stage('Source', connectionSource(ref('SourceName'))), stage('Deploy', cfnDeploy())], triggers: [trigger('Source')] });
    expect(check(unnamed, triggers)).toEqual([]);
    expect(check(v2Pipeline({ triggers: [trigger('Missing')], unresolvedParts: ['stages'] }), triggers)).toEqual([]);
    expect(check(v2Pipeline({ triggers: [trigger(ref('SourceName'), { providerType: ref('Type') })] }), triggers)).toEqual([]);
  });
});

describe('trigger-filters', () => {
  const withFilters = (push?: GitPushFilterModel[], pullRequest?: GitPullRequestFilterModel[]) =>
    v2Pipeline({ triggers: [{ providerType: 'CodeStarSourceConnection', sourceActionName: 'Source', ...(push ? { push } : {}), ...(pullRequest ? { pullRequest } : {}) }] });
  const T = 'trigger 1 (on "Source")';

  test('3 push and 3 pull-request filters pass; 4 of each are errors; empty lists are errors', () => {
    const three = [onBranches('main'), onBranches('dev'), onTags('v*')];
    expect(check(withFilters(three, [pullRequestInto(['a']), pullRequestInto(['b']), pullRequestInto(['c'])]), triggerFilters)).toEqual([]);
    expect(check(withFilters([...three, onBranches('x')], [1, 2, 3, 4].map((i) => pullRequestInto([`b${i}`]))), triggerFilters)).toEqual([
      finding('trigger-filters', {}, `${T}: the push filter list has 4 filters; the limit is 3 (${SOURCE.API}). Fix: give Push 1 to 3 filters, or leave it out.`),
      finding('trigger-filters', {}, `${T}: the pull-request filter list has 4 filters; the limit is 3 (${SOURCE.API}). Fix: give PullRequest 1 to 3 filters, or leave it out.`),
    ]);
    expect(check(withFilters([], []), triggerFilters)).toEqual([
      finding('trigger-filters', {}, `${T}: the push filter list is an empty list; it takes 1–3 filters (${SOURCE.API}). Fix: give Push 1 to 3 filters, or leave it out.`),
      finding('trigger-filters', {}, `${T}: the pull-request filter list is an empty list; it takes 1–3 filters (${SOURCE.API}). Fix: give PullRequest 1 to 3 filters, or leave it out.`),
    ]);
  });

  test('an empty filter list behind an intrinsic is not an error', () => {
    const model = v2Pipeline({ triggers: [{ providerType: 'CodeStarSourceConnection', sourceActionName: 'Source', push: [] }], unresolvedParts: ['triggers[0].gitConfiguration.push'] });
    expect(check(model, triggerFilters)).toEqual([]);
  });

  test('8 patterns in a list pass; 9 are an error, and so is an empty list', () => {
    const eight = Array.from({ length: 8 }, (_, i) => `release/${i}`);
    expect(check(withFilters([{ branches: { includes: eight, excludes: eight } }]), triggerFilters)).toEqual([]);
    expect(check(withFilters([{ branches: { includes: [...eight, 'main'], excludes: [] } }]), triggerFilters)).toEqual([
      finding('trigger-filters', {}, `${T}, push filter 1: branches.includes has 9 patterns; the limit is 8 (${SOURCE.API}). Fix: give branches.includes 1 to 8 patterns (a glob such as "release/*" matches many), or leave it out.`),
      finding('trigger-filters', {}, `${T}, push filter 1: branches.excludes is an empty list; it takes 1–8 patterns (${SOURCE.API}). Fix: give branches.excludes 1 to 8 patterns (a glob such as "release/*" matches many), or leave it out.`),
    ]);
  });

  test('a pattern of 255 characters passes; 256 and an empty pattern are errors', () => {
    expect(check(withFilters(undefined, [{ branches: including('main'), filePaths: including('p'.repeat(255)) }]), triggerFilters)).toEqual([]);
    expect(check(withFilters(undefined, [{ branches: including('main'), filePaths: including('p'.repeat(256), '') }]), triggerFilters)).toEqual([
      finding('trigger-filters', {}, `${T}, pull-request filter 1: filePaths.includes has a pattern of 256 characters ("${'p'.repeat(40)}…"); the limit is 255 (${SOURCE.API}). Fix: shorten the pattern to 255 characters or fewer (a glob such as "*" matches any part).`),
      finding('trigger-filters', {}, `${T}, pull-request filter 1: filePaths.includes has an empty pattern; patterns are 1–255 characters (${SOURCE.API}). Fix: remove the empty pattern.`),
    ]);
  });

  test('a list of 9 patterns with one behind an intrinsic is an error; 8 and one behind an intrinsic are not', () => {
    const path = 'triggers[0].gitConfiguration.push[0].tags.includes';
    const patterns = (count: number) => [...Array.from({ length: count }, (_, i) => `v${i}`), ref('Extra')];
    const model = (count: number) => v2Pipeline({ triggers: [trigger('Source', { push: [{ tags: { includes: patterns(count) } }] })], unresolvedParts: [path] });
    expect(check(model(8), triggerFilters)).toEqual([]);
    expect(check(model(9), triggerFilters)).toHaveLength(1);
  });

  test('pull-request events: OPEN, UPDATED and CLOSED pass; others, four, and none are errors', () => {
    expect(check(withFilters(undefined, [pullRequestInto(['main'], ['OPEN', 'UPDATED', 'CLOSED'])]), triggerFilters)).toEqual([]);
    expect(check(withFilters(undefined, [pullRequestInto(['main'], ['OPEN', 'MERGED', 'closed', 'UPDATED'])]), triggerFilters)).toEqual([
      finding('trigger-filters', {}, `${T}, pull-request filter 1: events has 4 events; the limit is 3 (${SOURCE.API}). Fix: list 1 to 3 of OPEN, UPDATED and CLOSED, or leave Events out.`),
      finding('trigger-filters', {}, `${T}, pull-request filter 1: event "MERGED" is not OPEN, UPDATED or CLOSED (${SOURCE.API}). Fix: use OPEN, UPDATED or CLOSED (a merge is CLOSED).`),
      finding('trigger-filters', {}, `${T}, pull-request filter 1: event "closed" is not OPEN, UPDATED or CLOSED (${SOURCE.API}). Fix: write it as CLOSED.`),
    ]);
    expect(check(withFilters(undefined, [pullRequestInto(['main'], [])]), triggerFilters)).toEqual([
      finding('trigger-filters', {}, `${T}, pull-request filter 1: events is an empty list; it takes 1–3 events (${SOURCE.API}). Fix: list 1 to 3 of OPEN, UPDATED and CLOSED, or leave Events out.`),
    ]);
  });

  test('push filters on tags, on branches, and on branches and file paths pass', () => {
    const model = withFilters([onTags('v*'), onBranches('main'), { branches: including('main'), filePaths: including('src/**') }]);
    expect(check(model, triggerFilters)).toEqual([]);
  });

  test('tags with branches or file paths, file paths alone, and an empty push filter are errors', () => {
    const model = withFilters([{ tags: including('v*'), branches: including('main') }, { filePaths: including('src/**') }, {}]);
    expect(check(model, triggerFilters)).toEqual([
      finding('trigger-filters', {}, `${T}, push filter 1 combines tags with branches; ${PUSH_COMBINATIONS} (${TRIGGER_FILTERS}). Fix: split it into two push filters: one on tags, one on branches (and file paths).`),
      finding('trigger-filters', {}, `${T}, push filter 2 filters file paths without branches; ${PUSH_COMBINATIONS} (${TRIGGER_FILTERS}). Fix: add Branches (e.g. Includes: ["main"]) beside FilePaths.`),
      finding('trigger-filters', {}, `${T}, push filter 3 has no tags or branches; ${PUSH_COMBINATIONS} (${TRIGGER_FILTERS}). Fix: give it Tags or Branches, or remove it.`),
    ]);
    expect(check(withFilters([{ tags: including('v*'), filePaths: including('a') }]), triggerFilters)[0].message).toMatch(/combines tags with file paths;/);
  });

  test('a push filter whose branches are behind an intrinsic is not judged', () => {
    const model = v2Pipeline({ triggers: [trigger('Source', { push: [{ filePaths: including('src/**') }] })], unresolvedParts: ['triggers[0].gitConfiguration.push[0].branches'] });
    expect(check(model, triggerFilters)).toEqual([]);
  });
});

describe('trigger-filter-gaps', () => {
  test('a trigger with neither push nor pull-request filters is a warning', () => {
    const model = v2Pipeline({ triggers: [{ providerType: 'CodeStarSourceConnection', sourceActionName: 'Source' }] });
    expect(check(model, triggerFilterGaps)).toEqual([
      finding(
        'trigger-filter-gaps',
        {},
        `trigger 1 (on "Source") has no push or pull-request filter; the documents leave open whether it starts the pipeline on a push to the action's branch or not at all (${TRIGGER_FILTERS}). `
          + 'Fix: add a push filter on the branches to release (Branches: Includes: ["main"]), or remove the trigger to keep the source\'s own change detection.',
        'warning',
      ),
    ]);
  });

  test('a pull-request filter without branches is a warning; with branches it passes', () => {
    const model = v2Pipeline({ triggers: [trigger('Source', { pullRequest: [{ events: ['OPEN'], filePaths: including('src/**') }, pullRequestInto(['main'])] })] });
    expect(check(model, triggerFilterGaps)).toEqual([
      finding(
        'trigger-filter-gaps',
        {},
        `trigger 1 (on "Source"), pull-request filter 1 has no branches; the guide filters pull requests on branches and file paths (${TRIGGER_FILTERS}). Fix: add Branches: the target branches of the pull requests (e.g. Includes: ["main"]).`,
        'warning',
      ),
    ]);
  });

  test('filters behind an intrinsic are not warned about', () => {
    const model = v2Pipeline({ triggers: [{ providerType: 'CodeStarSourceConnection', sourceActionName: 'Source' }], unresolvedParts: ['triggers[0].gitConfiguration.push'] });
    expect(check(model, triggerFilterGaps)).toEqual([]);
    const git = v2Pipeline({ triggers: [{ providerType: 'CodeStarSourceConnection', sourceActionName: ref('Name') }], unresolvedParts: ['triggers[0].gitConfiguration'] });
    expect(check(git, triggerFilterGaps)).toEqual([]);
  });
});

describe('disabled-transitions', () => {
  const threeStages = [stage('Source', connectionSource()), stage('Test', cfnDeploy()), stage('Prod', cfnDeploy('DeployProd'))];
  const withTransitions = (...transitions: ReturnType<typeof disabledTransition>[]) => v2Pipeline({ stages: threeStages, disabledInboundTransitions: transitions });

  test('a transition into a stage the pipeline does not have is an error', () => {
    expect(check(withTransitions(disabledTransition('Production')), disabledTransitions)).toEqual([
      finding('disabled-transitions', {}, `a disabled transition names stage "Production", which is not a stage of the pipeline ("Source", "Test", "Prod") (${CFN_PIPELINE}). Fix: use the name of one of the pipeline's stages.`),
    ]);
  });

  test('the stages a finding lists stop after ten', () => {
    const stages = [stage('Source', connectionSource()), ...Array.from({ length: 11 }, (_, i) => stage(`S${i + 1}`, approval()))];
    const [only] = check(v2Pipeline({ stages, disabledInboundTransitions: [disabledTransition('Missing')] }), disabledTransitions);
    expect(only.message).toMatch(/\("Source", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", …\)/);
  });

  test('a transition naming no stage is an error', () => {
    expect(check(withTransitions(disabledTransition(undefined)), disabledTransitions)).toEqual([
      finding('disabled-transitions', {}, `a disabled transition names no stage (${CFN_PIPELINE}). Fix: set StageName to the stage whose inbound transition to disable.`),
    ]);
  });

  test('a reason of 300 characters of the pattern passes; 301 characters, none, and a comma are errors at the stage', () => {
    expect(check(withTransitions(disabledTransition('Prod', 'R'.repeat(300)), disabledTransition('Test', 'Wait (QA) - ticket 42 ok? yes! @team *.*')), disabledTransitions)).toEqual([]);
    expect(check(withTransitions(disabledTransition('Prod', 'R'.repeat(301)), disabledTransition('Test', null)), disabledTransitions)).toEqual([
      finding('disabled-transitions', { stage: 'Prod' }, `the reason for disabling the transition into "Prod" is 301 characters; the limit is 300 (${CFN_PIPELINE}). Fix: shorten it to 300 characters or fewer.`),
      finding('disabled-transitions', { stage: 'Test' }, `the reason for disabling the transition into "Test" is missing or empty (${CFN_PIPELINE}). Fix: give a Reason of 1–300 characters: the console shows it on the transition.`),
    ]);
    expect(check(withTransitions(disabledTransition('Prod', 'Freeze, see #123_a')), disabledTransitions)).toEqual([
      finding('disabled-transitions', { stage: 'Prod' }, `the reason for disabling the transition into "Prod" contains ",", "#", "_"; only letters, digits, spaces and ! @ ( ) . * ? - are allowed (${CFN_PIPELINE}). Fix: remove or replace ",", "#", "_".`),
    ]);
  });

  test('values only known at deploy time, and stages whose names are, are skipped', () => {
    expect(check(withTransitions(disabledTransition(ref('Stage'), ref('Reason'))), disabledTransitions)).toEqual([]);
    const unnamed = v2Pipeline({ stages: [stage('Source', connectionSource()), stage(ref('Name'), cfnDeploy())], disabledInboundTransitions: [disabledTransition('Prod')] });
    expect(check(unnamed, disabledTransitions)).toEqual([]);
  });
});

describe('disabled-transition-targets', () => {
  test('a transition into the first stage is a warning; into a later stage it passes', () => {
    const model = v2Pipeline({ disabledInboundTransitions: [disabledTransition('Source'), disabledTransition('Deploy')] });
    expect(check(model, disabledTransitionTargets)).toEqual([
      finding('disabled-transition-targets', { stage: 'Source' }, `a disabled transition names "Source", the first stage, which has no inbound transition (${TRANSITIONS}). Fix: disable the transition into the stage after it, or remove the entry.`, 'warning'),
    ]);
  });

  test('a stage named by two entries is one warning', () => {
    const model = v2Pipeline({ disabledInboundTransitions: [disabledTransition('Deploy'), disabledTransition('Deploy', 'Other'), disabledTransition('Deploy')] });
    expect(check(model, disabledTransitionTargets)).toEqual([
      finding('disabled-transition-targets', {}, `stage "Deploy" is named by more than one disabled transition (${TRANSITIONS}). Fix: keep one entry per stage, with one reason.`, 'warning'),
    ]);
  });
});

describe('the V2 pipeline rules on a template as the reader reads it', () => {
  /** A template pipeline with a connection source, a deploy stage and the V2 properties given. */
  const template = (properties: Record<string, unknown>) => ({
    Resources: {
      Pipeline: {
        Type: 'AWS::CodePipeline::Pipeline',
        Properties: {
          Name: 'Release',
          RoleArn: 'arn:aws:iam::111111111111:role/pipeline',
          ArtifactStore: { Type: 'S3', Location: 'artifacts' },
          Stages: [
            { Name: 'Source', Actions: [{ Name: 'Source', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' }, Configuration: { ConnectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc', FullRepositoryId: 'my-org/app', BranchName: 'main' }, OutputArtifacts: [{ Name: 'Source' }] }] },
            { Name: 'Deploy', Actions: [{ Name: 'Deploy', ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' }, Configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', TemplatePath: 'Source::template.yaml' }, InputArtifacts: [{ Name: 'Source' }] }] },
          ],
          ...properties,
        },
      },
    },
  });
  const ids = (properties: Record<string, unknown>) => {
    const [model] = pipelinesFromDocument(template(properties));
    return check(model).map((f) => `${f.ruleId}: ${f.message.replace(/ \([^()]*\)\. Fix: .*$/, '')}`);
  };
  const ifProd = (yes: unknown, no: unknown) => ({ 'Fn::If': ['IsProd', yes, no] });

  test('triggers, variables and a disabled transition, with filter lists and items behind Fn::If, make no finding', () => {
    expect(ids({
      PipelineType: 'V2',
      ExecutionMode: ifProd('QUEUED', 'SUPERSEDED'),
      Variables: [{ Name: 'Region', DefaultValue: 'us-east-1' }, ifProd({ Name: 'Extra' }, { Ref: 'AWS::NoValue' })],
      Triggers: [{
        ProviderType: 'CodeStarSourceConnection',
        GitConfiguration: {
          SourceActionName: 'Source',
          Push: [{ Branches: { Includes: ifProd(['main'], ['dev']) }, FilePaths: { Includes: ['src/**'] } }, ifProd({ Tags: { Includes: ['v*'] } }, { Ref: 'AWS::NoValue' })],
          PullRequest: [{ Events: [ifProd('OPEN', 'CLOSED')], Branches: { Includes: ['main', { Ref: 'Branch' }] } }],
        },
      }],
      DisableInboundStageTransitions: [{ StageName: 'Deploy', Reason: 'Release freeze' }],
    })).toEqual([]);
  });

  test('the mistakes of the issue are reported: a trigger naming no action, a bad variable name, an unknown mode', () => {
    expect(ids({
      PipelineType: 'V2',
      ExecutionMode: 'SOMETIMES',
      Variables: [{ Name: 'bad name!' }],
      Triggers: [{ ProviderType: 'CodeStarSourceConnection', GitConfiguration: { SourceActionName: 'Nowhere', Push: [{ Tags: { Includes: ['v*'] }, Branches: { Includes: ['main'] } }] } }],
      DisableInboundStageTransitions: [{ StageName: 'Source', Reason: 'Frozen, see #12' }],
    })).toEqual([
      'execution-mode: execution mode "SOMETIMES" is not SUPERSEDED, QUEUED or PARALLEL',
      'pipeline-variables: pipeline variable name "bad name!" contains " ", "!"; only letters, digits, "@", "_" and "-" are allowed',
      'triggers: trigger 1 names source action "Nowhere", which is not an action of the pipeline',
      'trigger-filters: trigger 1 (on "Nowhere"), push filter 1 combines tags with branches; a push filter is on tags, on branches, or on branches and file paths',
      'disabled-transitions: the reason for disabling the transition into "Source" contains ",", "#"; only letters, digits, spaces and ! @ ( ) . * ? - are allowed',
      'disabled-transition-targets: a disabled transition names "Source", the first stage, which has no inbound transition',
    ]);
  });

  test('a V1 template with a trigger is an error; a template without a type, a warning', () => {
    const trigger1 = [{ ProviderType: 'CodeStarSourceConnection', GitConfiguration: { SourceActionName: 'Source', Push: [{ Branches: { Includes: ['main'] } }] } }];
    expect(ids({ PipelineType: 'V1', Triggers: trigger1 })).toEqual(['pipeline-type: the pipeline is V1 but has 1 trigger, which only a V2 pipeline may have']);
    expect(ids({ Triggers: trigger1 })).toEqual(['pipeline-type-implicit: the pipeline states no type but has 1 trigger: the service makes it a V2 pipeline, priced as V2']);
  });
});

test('V2 parts of another shape than the API\'s are reported once, by declaration-shape, and by none of these rules', () => {
  const properties = {
    Name: 'Release',
    RoleArn: 'arn:aws:iam::111111111111:role/pipeline',
    PipelineType: 'V2',
    ArtifactStore: { Type: 'S3', Location: 'artifacts' },
    Stages: [
      { Name: 'Source', Actions: [{ Name: 'Source', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' }, Configuration: { ConnectionArn: 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc', FullRepositoryId: 'my-org/app', BranchName: 'main' }, OutputArtifacts: [{ Name: 'Source' }] }] },
      { Name: 'Deploy', Actions: [{ Name: 'Approve', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' } }] },
    ],
    ExecutionMode: ['QUEUED'],
    Variables: [{ Name: { Bad: 1 } }, 'oops'],
    Triggers: [{ ProviderType: ['CodeStarSourceConnection'], GitConfiguration: { SourceActionName: 'Source', Push: ['oops', { Branches: 'main' }], PullRequest: [{ Events: 'OPEN', Branches: { Includes: ['main'] } }] } }],
    DisableInboundStageTransitions: [{ StageName: ['Deploy'], Reason: { Text: 'x' } }],
  };
  const [model] = pipelinesFromDocument({ Resources: { Pipeline: { Type: 'AWS::CodePipeline::Pipeline', Properties: properties } } });
  const findings = check(model);
  expect(findings.filter((f) => f.ruleId !== 'declaration-shape')).toEqual([]);
  expect(findings.length).toBeGreaterThanOrEqual(8);
});
