import { IConstruct } from 'constructs';

/** A variable namespace: 1–100 of letters, digits, "@", "-" and "_" (API model, ActionNamespace). */
const NAMESPACE = { pattern: /[^A-Za-z0-9@_-]/g, maxLength: 100 };
const REPORT_SUFFIX = '-Report';

/**
 * The variable namespace of a review action: `<stage>-<action>`, with each character a namespace
 * does not take (a `.` of the stage or action name) written `_`.
 */
export function reviewNamespace(stageName: string, actionName: string): string {
  return `${stageName}-${actionName}`.replace(NAMESPACE.pattern, '_');
}

/** The review action's report artifact: `<namespace>-Report`, `@` written `_` (artifact names do not take it). */
export function reviewReportArtifactName(namespace: string): string {
  return `${namespace.replace(/@/g, '_')}${REPORT_SUFFIX}`;
}

/** The `#{…}` reference to a review action's one-line summary. */
export function reviewSummaryVariable(namespace: string): string {
  return `#{${namespace}.Summary}`;
}

/** A review action, as the messages about its names call it. */
interface NamedReviewAction {
  readonly stageName: string;
  readonly actionName: string;
}

/** The namespaces and report artifacts taken in each pipeline (by its construct), and by which review action. */
const TAKEN = new WeakMap<IConstruct, Map<string, NamedReviewAction>>();

/**
 * The namespace and report artifact of a review action of `pipeline`, refused when they are longer
 * than CodePipeline takes, or when another review action of the pipeline already has them: writing
 * `.` as `_` makes `Prod.EU` and `Prod_EU` one namespace, and CodePipeline refuses a pipeline with
 * two actions of one namespace or two artifacts of one name.
 */
export function claimReviewNames(where: string, pipeline: IConstruct, action: NamedReviewAction): { namespace: string; artifactName: string } {
  const namespace = reviewNamespace(action.stageName, action.actionName);
  const artifactName = reviewReportArtifactName(namespace);
  if (artifactName.length > NAMESPACE.maxLength) {
    throw new Error(`${where}: the review action "${action.actionName}" makes the variable namespace "${namespace}" and report artifact "${artifactName}" (${artifactName.length} characters), and CodePipeline allows at most ${NAMESPACE.maxLength}; shorten the stage name or the step's actionName.`);
  }
  const taken = TAKEN.get(pipeline) ?? new Map<string, NamedReviewAction>();
  TAKEN.set(pipeline, taken);
  for (const [kind, name] of [['variable namespace', namespace], ['report artifact', artifactName]] as const) {
    const other = taken.get(`${kind}:${name}`);
    if (other !== undefined && (other.stageName !== action.stageName || other.actionName !== action.actionName)) {
      throw new Error(`${where}: the review action "${action.actionName}" of stage "${action.stageName}" makes the ${kind} "${name}", which the review action "${other.actionName}" of stage "${other.stageName}" already makes (a character a namespace does not take, such as ".", is written "_"); CodePipeline refuses two of one name. Rename one of the stages, or set the review step's actionName.`);
    }
  }
  taken.set(`variable namespace:${namespace}`, action);
  taken.set(`report artifact:${artifactName}`, action);
  return { namespace, artifactName };
}
