import { CLASSIC_QUOTAS, CURRENT_QUOTAS, resolveQuotas } from '../lib/quotas';
import { stageCount } from '../lib/rules/stage-count';
import { validatePipeline } from '../lib/validate';
import { approvals, pipeline, s3Source, stage, stages } from './rules/builder';

describe('quota profiles', () => {
  test('current: the 2022 user guide and API model figures', () => {
    const { quotas, sourceOf } = resolveQuotas();
    expect(quotas).toEqual({
      minStagesPerPipeline: 2,
      maxStagesPerPipeline: 50,
      maxActionsPerStage: 50,
      maxParallelActionsPerStage: 50,
      maxSequentialActionsPerStage: 50,
      maxActionsPerPipeline: 500,
      maxTagsPerPipeline: 50,
    });
    expect(sourceOf('maxStagesPerPipeline')).toBe('CodePipeline user guide, Quotas in AWS CodePipeline');
    expect(resolveQuotas({ profile: 'current' }).quotas).toEqual(CURRENT_QUOTAS.quotas);
  });

  test('classic: 10 stages, 20 actions per stage, 10 parallel, 10 sequential, citing the 2017 limits', () => {
    const { quotas, sourceOf } = resolveQuotas({ profile: 'classic' });
    expect(quotas).toEqual({
      minStagesPerPipeline: 2,
      maxStagesPerPipeline: 10,
      maxActionsPerStage: 20,
      maxParallelActionsPerStage: 10,
      maxSequentialActionsPerStage: 10,
      maxActionsPerPipeline: 500,
      maxTagsPerPipeline: 50,
    });
    expect(quotas).toEqual(CLASSIC_QUOTAS.quotas);
    expect(sourceOf('maxActionsPerStage')).toBe('CodePipeline user guide (2017), Limits in AWS CodePipeline');
  });

  test('an unknown profile is an error naming the profiles', () => {
    expect(() => resolveQuotas({ profile: 'legacy' as never })).toThrow(new Error("Unknown quota profile 'legacy': use 'current' or 'classic'."));
  });
});

describe('quota overrides', () => {
  test('replace one figure of the profile, cited as "your quota override"; the others keep the profile\'s source', () => {
    const { quotas, sourceOf } = resolveQuotas({ profile: 'classic', overrides: { maxStagesPerPipeline: 15 } });
    expect(quotas).toEqual({ ...CLASSIC_QUOTAS.quotas, maxStagesPerPipeline: 15 });
    expect(sourceOf('maxStagesPerPipeline')).toBe('your quota override');
    expect(sourceOf('maxActionsPerStage')).toBe('CodePipeline user guide (2017), Limits in AWS CodePipeline');
  });

  test('an override key set to undefined leaves the profile\'s figure and source', () => {
    const { quotas, sourceOf } = resolveQuotas({ overrides: { maxStagesPerPipeline: undefined } });
    expect(quotas.maxStagesPerPipeline).toBe(50);
    expect(sourceOf('maxStagesPerPipeline')).toBe('CodePipeline user guide, Quotas in AWS CodePipeline');
  });

  test('a raised stage quota lets 12 stages pass the classic profile; a lowered one fails 5, citing the override', () => {
    expect(validatePipeline(pipeline({ stages: stages(12) }), { rules: [stageCount], quotas: { profile: 'classic', overrides: { maxStagesPerPipeline: 12 } } })).toEqual([]);
    expect(validatePipeline(pipeline({ stages: stages(5) }), { rules: [stageCount], quotas: { overrides: { maxStagesPerPipeline: 4 } } })).toEqual([
      {
        ruleId: 'stage-count',
        severity: 'error',
        pipeline: 'Release',
        message: "the pipeline has 5 stages; the limit is 4 (your quota override). Fix: merge stages or split the release into several pipelines; if your account's quota was raised, set the maxStagesPerPipeline override.",
      },
    ]);
  });

  test('overrides of every per-stage figure are honoured by their rules', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', ...approvals(12, (i) => (i < 6 ? 1 : i)))] });
    const quotas = { profile: 'classic' as const, overrides: { maxActionsPerStage: 11, maxParallelActionsPerStage: 5, maxSequentialActionsPerStage: 6 } };
    expect(validatePipeline(model, { quotas }).map((f) => [f.ruleId, f.message.split(' (')[0], f.message.includes('(your quota override)')])).toEqual([
      ['actions-per-stage', 'the stage has 12 actions; the limit is 11', true],
      ['parallel-actions', '6 actions share runOrder 1; at most 5 may run in parallel', true],
      ['sequential-actions', 'the stage has 7 distinct runOrder values; at most 6 actions may run in sequence', true],
    ]);
  });

  test('an unknown override key is an error listing the known ones', () => {
    expect(() => resolveQuotas({ overrides: { maxStages: 20 } as never })).toThrow(
      new Error(
        "Unknown quota override 'maxStages': use one of minStagesPerPipeline, maxStagesPerPipeline, maxActionsPerStage, maxParallelActionsPerStage, maxSequentialActionsPerStage, maxActionsPerPipeline, maxTagsPerPipeline.",
      ),
    );
  });

  test.each([
    [-1, '-1'],
    [2.5, '2.5'],
    [Number.NaN, 'NaN'],
    ['20', '20'],
  ])('an override of %p is an error', (value, shown) => {
    expect(() => resolveQuotas({ overrides: { maxActionsPerStage: value as never } })).toThrow(
      new Error(`Quota override 'maxActionsPerStage' must be a whole number of at least 0, got ${shown}.`),
    );
  });

  test('0 is an accepted override', () => {
    expect(resolveQuotas({ overrides: { maxTagsPerPipeline: 0 } }).quotas.maxTagsPerPipeline).toBe(0);
  });
});
