import { Severity } from './rule';

/** A rule's verdict on one place in one pipeline. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** The pipeline's name (or its logical ID when CloudFormation generates the name). */
  readonly pipeline: string;
  readonly stage?: string;
  readonly action?: string;
  /** The file the pipeline was read from, for `pipectl validate`. */
  readonly file?: string;
  /** The construct path of the pipeline, inside a CDK app. */
  readonly constructPath?: string;
  /** What is wrong, the limit and its source, and the fix, in one message. */
  readonly message: string;
  /**
   * The condition values under which the finding holds, when the template's conditions choose
   * between parts of the pipeline (`Fn::If`) and it does not hold in every combination of them.
   */
  readonly when?: Readonly<Record<string, boolean>>;
}

/**
 * `stage "Deploy", action "CreateStack"`, or `pipeline "Release"` for pipeline-wide findings, and
 * the condition values it holds under: `stage "Deploy" (when IsProd is true, UseBuild is false)`.
 */
export function describeLocation(finding: Pick<Finding, 'pipeline' | 'stage' | 'action' | 'when'>): string {
  const parts: string[] = [];
  if (finding.stage !== undefined) parts.push(`stage "${finding.stage}"`);
  if (finding.action !== undefined) parts.push(`action "${finding.action}"`);
  const place = parts.length > 0 ? parts.join(', ') : `pipeline "${finding.pipeline}"`;
  return finding.when === undefined ? place : `${place} ${describeWhen(finding.when)}`;
}

/** `(when IsProd is true, UseBuild is false)`. */
export function describeWhen(when: Readonly<Record<string, boolean>>): string {
  return `(when ${Object.entries(when).map(([name, value]) => `${name} is ${value}`).join(', ')})`;
}

/** One line: `[error stage-count] pipeline "Release": ...`. */
export function formatFinding(finding: Finding): string {
  return `[${finding.severity} ${finding.ruleId}] ${describeLocation(finding)}: ${finding.message}`;
}
