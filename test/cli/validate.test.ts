import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../../examples';
import { CliIo } from '../../lib/cli/io';
import { runCli } from '../../lib/cli/program';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const WALKTHROUGH = path.join(FIXTURES, 'walkthrough-pipeline.yaml');
const CROSS_ACCOUNT = path.join(FIXTURES, 'cross-account-pipeline.yaml');
const GET_PIPELINE = path.join(FIXTURES, 'get-pipeline-output.json');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pipectl ARGS` in-process and returns its exit code and what it wrote to each stream. */
async function pipectl(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipectl-validate-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const where = path.join(dir, name);
  fs.writeFileSync(where, typeof content === 'string' ? content : JSON.stringify(content));
  return where;
}

const s3Source = { name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { S3Bucket: 'b', S3ObjectKey: 'k' }, outputArtifacts: [{ name: 'Src' }] };
const approvalStage = (name: string) => ({ name, actions: [{ name: 'Approve', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' } }] });

/** A declaration with an error (runOrder 0) and a warning (a ChangeSetName CREATE_UPDATE ignores). */
const faulty = {
  name: 'faulty',
  stages: [
    { name: 'Source', actions: [s3Source] },
    {
      name: 'Deploy',
      actions: [
        {
          name: 'Deploy',
          runOrder: 0,
          actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
          configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', ChangeSetName: 'unused', TemplatePath: 'Src::t.yaml' },
          inputArtifacts: [{ name: 'Src' }],
        },
      ],
    },
  ],
};
const RUN_ORDER_MESSAGE = 'runOrder 0 is not a whole number from 1 to 999 (CodePipeline API reference). Fix: use 1 for the first actions of the stage, and higher numbers (at most 999) for actions that run after them.';
const UNUSED_MESSAGE =
  'ActionMode CREATE_UPDATE ignores ChangeSetName (CloudFormation user guide, AWS CloudFormation configuration properties reference). Fix: remove ChangeSetName, or use a mode that reads it (CREATE_UPDATE reads Capabilities, OutputFileName, ParameterOverrides, RoleArn, TemplatePath, TemplateConfiguration).';

describe('pipectl validate', () => {
  test('valid files: a summary on stdout, nothing on stderr, exit 0', async () => {
    expect(await pipectl('validate', WALKTHROUGH, CROSS_ACCOUNT, GET_PIPELINE)).toEqual({
      code: 0,
      stdout: '0 errors, 0 warnings in 3 pipelines (3 files).',
      stderr: '',
    });
  });

  test('an error: one line per finding with file, rule, location and message, then the summary; exit 1', async () => {
    const faultyFile = file('faulty.json', faulty);
    expect(await pipectl('validate', faultyFile, WALKTHROUGH)).toEqual({
      code: 1,
      stdout: [
        `${faultyFile}: [error run-order] stage "Deploy", action "Deploy": ${RUN_ORDER_MESSAGE}`,
        `${faultyFile}: [warning cfn-unused-configuration] stage "Deploy", action "Deploy": ${UNUSED_MESSAGE}`,
        '1 error, 1 warning in 2 pipelines (2 files).',
      ].join('\n'),
      stderr: '',
    });
  });

  test('a pipeline-wide finding names the pipeline', async () => {
    const oneStage = file('one-stage.json', { pipeline: { name: 'lonely', stages: [{ name: 'Source', actions: [s3Source] }] }, metadata: {} });
    const run = await pipectl('validate', oneStage);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      `${oneStage}: [error stage-count] pipeline "lonely": the pipeline has 1 stage; at least 2 are required (CodePipeline user guide, Quotas in AWS CodePipeline). Fix: add a source stage followed by at least one stage that builds, tests, approves or deploys.`,
    );
  });

  test('warnings alone exit 0', async () => {
    const warnOnly = file('warn-only.json', { ...faulty, stages: [faulty.stages[0], { ...faulty.stages[1], actions: [{ ...faulty.stages[1].actions[0], runOrder: 1 }] }] });
    expect(await pipectl('validate', warnOnly)).toEqual({
      code: 0,
      stdout: [`${warnOnly}: [warning cfn-unused-configuration] stage "Deploy", action "Deploy": ${UNUSED_MESSAGE}`, '0 errors, 1 warning in 1 pipeline (1 file).'].join('\n'),
      stderr: '',
    });
  });

  test('--json: the findings as a JSON array with ruleId, severity, file, pipeline, stage, action and message', async () => {
    const faultyFile = file('faulty-json.json', faulty);
    const run = await pipectl('validate', '--json', faultyFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      { ruleId: 'run-order', severity: 'error', pipeline: 'faulty', stage: 'Deploy', action: 'Deploy', file: faultyFile, message: RUN_ORDER_MESSAGE },
      { ruleId: 'cfn-unused-configuration', severity: 'warning', pipeline: 'faulty', stage: 'Deploy', action: 'Deploy', file: faultyFile, message: UNUSED_MESSAGE },
    ]);
  });

  test('--json with no findings prints an empty array and exits 0', async () => {
    const run = await pipectl('validate', WALKTHROUGH, '--json');
    expect(run).toEqual({ code: 0, stdout: '[]', stderr: '' });
  });

  test('--quotas classic holds pipelines to the 2017 limits', async () => {
    const eleven = file('eleven-stages.json', { name: 'long', stages: [{ name: 'Source', actions: [s3Source] }, ...Array.from({ length: 10 }, (_, i) => approvalStage(`Stage${i + 2}`))] });
    expect((await pipectl('validate', eleven)).code).toBe(0);
    expect(await pipectl('validate', '--quotas', 'classic', eleven)).toEqual({
      code: 1,
      stdout: [
        `${eleven}: [error stage-count] pipeline "long": the pipeline has 11 stages; the limit is 10 (CodePipeline user guide (2017), Limits in AWS CodePipeline). Fix: merge stages or split the release into several pipelines; if your account's quota was raised, set the maxStagesPerPipeline override.`,
        '1 error, 0 warnings in 1 pipeline (1 file).',
      ].join('\n'),
      stderr: '',
    });
  });

  test('an unreadable file: one line on stderr, no stack, nothing on stdout, exit 2', async () => {
    const missing = path.join(dir, 'missing.yaml');
    expect(await pipectl('validate', missing)).toEqual({
      code: 2,
      stdout: '',
      stderr: `pipectl: ${missing}: cannot read the file (ENOENT).`,
    });
  });

  test('invalid YAML and a file that is not a pipeline: one line, exit 2', async () => {
    const broken = file('broken.yaml', 'Resources:\n  P: [unclosed\n');
    const brokenRun = await pipectl('validate', broken);
    expect(brokenRun.code).toBe(2);
    expect(brokenRun.stdout).toBe('');
    expect(brokenRun.stderr).toMatch(new RegExp(`^pipectl: ${broken}: invalid YAML: [^\\n]+$`));

    const notPipeline = file('queue.json', { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } });
    expect(await pipectl('validate', notPipeline)).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        `pipectl: ${notPipeline}: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`,
        'pipectl: no pipeline in 1 file: nothing to check.',
      ].join('\n'),
    });
  });

  test('usage errors exit 2: no file, an unknown quota profile', async () => {
    const noFile = await pipectl('validate');
    expect(noFile.code).toBe(2);
    expect(noFile.stdout).toBe('');
    expect(noFile.stderr).toBe("error: missing required argument 'file'\n");

    const badProfile = await pipectl('validate', '--quotas', 'strict', WALKTHROUGH);
    expect(badProfile.code).toBe(2);
    expect(badProfile.stdout).toBe('');
    expect(badProfile.stderr).toBe("error: option '--quotas <profile>' argument 'strict' is invalid. Allowed choices are current, classic.\n");
  });
});

describe('pipectl validate with several files: each file on its own', () => {
  const queue = { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } };

  test('an unreadable file is named on stderr; the others are still checked and reported; exit 2 even with error findings', async () => {
    const missing = path.join(dir, 'missing-among-others.yaml');
    const faultyFile = file('faulty-among-others.json', faulty);
    expect(await pipectl('validate', faultyFile, missing, WALKTHROUGH)).toEqual({
      code: 2,
      stdout: [
        `${faultyFile}: [error run-order] stage "Deploy", action "Deploy": ${RUN_ORDER_MESSAGE}`,
        `${faultyFile}: [warning cfn-unused-configuration] stage "Deploy", action "Deploy": ${UNUSED_MESSAGE}`,
        '1 error, 1 warning in 2 pipelines (3 files, 1 unreadable).',
      ].join('\n'),
      stderr: `pipectl: ${missing}: cannot read the file (ENOENT).`,
    });
  });

  test('a template without a pipeline among files with pipelines is skipped, not an error: exit 0, or 1 for error findings', async () => {
    const queueFile = file('queue-among-others.json', queue);
    const noPipelineLine = `pipectl: ${queueFile}: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`;
    expect(await pipectl('validate', queueFile, WALKTHROUGH)).toEqual({
      code: 0,
      stdout: '0 errors, 0 warnings in 1 pipeline (2 files, 1 without a pipeline).',
      stderr: noPipelineLine,
    });
    const faultyFile = file('faulty-with-queue.json', faulty);
    const run = await pipectl('validate', queueFile, faultyFile);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').pop()).toBe('1 error, 1 warning in 1 pipeline (2 files, 1 without a pipeline).');
    expect(run.stderr).toBe(noPipelineLine);
  });

  test('both kinds at once: the summary counts each; exit 2', async () => {
    const queueFile = file('queue-both.json', queue);
    const broken = file('broken-both.json', '{"Resources": ');
    const run = await pipectl('validate', WALKTHROUGH, queueFile, broken);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('0 errors, 0 warnings in 1 pipeline (3 files, 1 without a pipeline, 1 unreadable).');
    const lines = run.stderr.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`pipectl: ${queueFile}: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`);
    expect(lines[1]).toMatch(new RegExp(`^pipectl: ${broken}: invalid JSON: [^\\n]+$`));
  });

  test('no file holds a pipeline: each is named, then one line says nothing was checked; exit 2', async () => {
    const first = file('queue-first.json', queue);
    const second = file('queue-second.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    expect(await pipectl('validate', first, second, '--json')).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        `pipectl: ${first}: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`,
        `pipectl: ${second}: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`,
        'pipectl: no pipeline in 2 files: nothing to check.',
      ].join('\n'),
    });
  });

  test('--json: stdout stays the array of findings; a file that is skipped or unreadable is named on stderr only', async () => {
    const faultyFile = file('faulty-json-others.json', faulty);
    const queueFile = file('queue-json.json', queue);
    const missing = path.join(dir, 'missing-json.json');
    const run = await pipectl('validate', '--json', faultyFile, queueFile, missing);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual([
      { ruleId: 'run-order', severity: 'error', pipeline: 'faulty', stage: 'Deploy', action: 'Deploy', file: faultyFile, message: RUN_ORDER_MESSAGE },
      { ruleId: 'cfn-unused-configuration', severity: 'warning', pipeline: 'faulty', stage: 'Deploy', action: 'Deploy', file: faultyFile, message: UNUSED_MESSAGE },
    ]);
    expect(run.stderr).toBe([
      `pipectl: ${queueFile}: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`,
      `pipectl: ${missing}: cannot read the file (ENOENT).`,
    ].join('\n'));
  });

  test('a file name with control characters is escaped in its stderr line', async () => {
    const hostile = file('queue\x1b[2J\nforged.json', queue);
    const run = await pipectl('validate', hostile, WALKTHROUGH);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`pipectl: ${dir}/queue\\x1b[2J\\nforged.json: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`);
  });

  test("the README's glob: every template of the default example's cdk.out, the target stacks' without a pipeline; exit 0", async () => {
    const outdir = fs.mkdtempSync(path.join(dir, 'cdk.out-'));
    const app = new App({ outdir, context: { pipelineAccount: '111111111111', testAccount: '222222222222', prodAccount: '333333333333', region: 'us-east-1' } });
    buildApp(app);
    app.synth();
    const templates = fs.readdirSync(outdir).filter((name) => name.endsWith('.template.json')).sort().map((name) => path.join(outdir, name));
    const withPipeline = templates.filter((t) => fs.readFileSync(t, 'utf8').includes('"AWS::CodePipeline::Pipeline"'));
    expect(withPipeline).toHaveLength(1);
    expect(templates.length).toBeGreaterThan(1);

    const run = await pipectl('validate', ...templates);
    expect(run.code).toBe(0);
    const without = templates.length - 1;
    expect(run.stdout).toBe(`0 errors, 0 warnings in 1 pipeline (${templates.length} files, ${without} without a pipeline).`);
    expect(run.stderr.split('\n')).toEqual(
      templates.filter((t) => !withPipeline.includes(t)).map((t) => `pipectl: ${t}: no pipeline: the template has no AWS::CodePipeline::Pipeline resource; skipped.`),
    );
  });
});
