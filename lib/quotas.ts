/**
 * The CodePipeline limits the rules check against. Fixed limits of the API (name patterns, runOrder
 * 1–999, configuration lengths) live in the rules; this table holds the quotas that differ between
 * the service's documents over time, and that an account can have raised.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export interface PipelineQuotas {
  /** Fewest stages in a pipeline. @default 2 */
  readonly minStagesPerPipeline: number;
  /** Most stages in a pipeline. @default 50 (`classic`: 10) */
  readonly maxStagesPerPipeline: number;
  /** Most actions in a stage. @default 50 (`classic`: 20) */
  readonly maxActionsPerStage: number;
  /** Most actions that share one runOrder in a stage. @default 50 (`classic`: 10) */
  readonly maxParallelActionsPerStage: number;
  /** Most distinct runOrder values in a stage. @default 50 (`classic`: 10) */
  readonly maxSequentialActionsPerStage: number;
  /** Most actions in a pipeline. @default 500 */
  readonly maxActionsPerPipeline: number;
  /** Most tags on a pipeline. @default 50 */
  readonly maxTagsPerPipeline: number;
}

/** The name of a built-in profile. */
export type QuotaProfileName = 'current' | 'classic';

/** Where a quota's figure comes from, as cited in findings. */
export interface QuotaProfile {
  readonly name: QuotaProfileName;
  readonly quotas: PipelineQuotas;
  /** The document the figures come from, cited in every finding about them. */
  readonly source: string;
}

/** The figures of the CodePipeline user guide's quota page (as of 2022) and the API model. */
export const CURRENT_QUOTAS: QuotaProfile = {
  name: 'current',
  source: 'CodePipeline user guide, Quotas in AWS CodePipeline',
  quotas: {
    minStagesPerPipeline: 2,
    maxStagesPerPipeline: 50,
    maxActionsPerStage: 50,
    maxParallelActionsPerStage: 50,
    maxSequentialActionsPerStage: 50,
    maxActionsPerPipeline: 500,
    maxTagsPerPipeline: 50,
  },
};

/** The 2017 figures, for teams that hold their pipelines to the limits they were designed under. */
export const CLASSIC_QUOTAS: QuotaProfile = {
  name: 'classic',
  source: 'CodePipeline user guide (2017), Limits in AWS CodePipeline',
  quotas: {
    ...CURRENT_QUOTAS.quotas,
    maxStagesPerPipeline: 10,
    maxActionsPerStage: 20,
    maxParallelActionsPerStage: 10,
    maxSequentialActionsPerStage: 10,
  },
};

/** How a check picks its quotas: a profile, and figures an account has had raised. */
export interface QuotaOptions {
  /**
   * The built-in profile to start from.
   * @default 'current'
   */
  readonly profile?: QuotaProfileName;
  /**
   * Figures that replace the profile's, for accounts with raised quotas.
   * @default - the profile's figures
   */
  readonly overrides?: Partial<PipelineQuotas>;
}

/** The quotas in force, and the source to cite for each. */
export interface ResolvedQuotas {
  readonly quotas: PipelineQuotas;
  /** The source to cite for a quota: the profile's document, or the user's override. */
  sourceOf(quota: keyof PipelineQuotas): string;
}

export function resolveQuotas(options: QuotaOptions = {}): ResolvedQuotas {
  const profileName = options.profile ?? 'current';
  const profile = profileName === 'classic' ? CLASSIC_QUOTAS : profileName === 'current' ? CURRENT_QUOTAS : undefined;
  if (!profile) {
    throw new Error(`Unknown quota profile '${String(profileName)}': use 'current' or 'classic'.`);
  }
  const overrides = options.overrides ?? {};
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in profile.quotas)) {
      throw new Error(`Unknown quota override '${key}': use one of ${Object.keys(profile.quotas).join(', ')}.`);
    }
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new Error(`Quota override '${key}' must be a whole number of at least 0, got ${String(value)}.`);
    }
  }
  const quotas: PipelineQuotas = { ...profile.quotas, ...stripUndefined(overrides) };
  return {
    quotas,
    sourceOf: (quota) => (overrides[quota] !== undefined ? 'your quota override' : profile.source),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
