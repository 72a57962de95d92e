import { PipelineModel } from './model/pipeline-model';
import { describeValue } from './model/values';
import { QuotaOptions, resolveQuotas } from './quotas';
import { ALL_RULES } from './rules';
import { Finding } from './rules/finding';
import { Rule } from './rules/rule';

export interface ValidationOptions {
  /**
   * The quota profile and overrides to check against.
   * @default - the `current` profile with no overrides
   */
  readonly quotas?: QuotaOptions;
  /**
   * The rules to run.
   * @default - every rule in {@link ALL_RULES}
   */
  readonly rules?: readonly Rule[];
}

/** Runs the rules on one pipeline and returns every finding, errors and warnings alike. */
export function validatePipeline(pipeline: PipelineModel, options: ValidationOptions = {}): Finding[] {
  const context = { quotas: resolveQuotas(options.quotas) };
  // Described at the first finding: most pipelines have none.
  let pipelineName: string | undefined;
  const findings: Finding[] = [];
  for (const rule of options.rules ?? ALL_RULES) {
    // A rule whose part the pipeline lacks could find nothing: skipping it skips compiling it too.
    if (rule.appliesTo !== undefined && !rule.appliesTo(pipeline)) continue;
    for (const violation of rule.check(pipeline, context)) {
      const source = violation.source ?? rule.source;
      pipelineName ??= describeValue(pipeline.name);
      findings.push(omitUndefined({
        ruleId: rule.id,
        severity: rule.severity,
        pipeline: pipelineName,
        stage: violation.stage ? nameOf(violation.stage.name) : undefined,
        action: violation.action ? nameOf(violation.action.name) : undefined,
        file: pipeline.origin.file,
        constructPath: pipeline.origin.constructPath,
        message: `${violation.message} (${source}). Fix: ${violation.fix}`,
      }));
    }
  }
  return findings;
}

/** A stage's or action's name as text (a literal that is not a string, an intrinsic as JSON); undefined when absent. */
function nameOf(name: unknown): string | undefined {
  return name === undefined ? undefined : describeValue(name);
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
