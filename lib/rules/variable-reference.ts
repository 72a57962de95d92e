import { ActionModel, Maybe, PipelineModel, RuleModel, StageModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { RunPosition, actionPartKnown, allActions, allActionsKnown, notFinishedBefore, runOrderOf } from '../model/walk';

/**
 * What the variable-reference rules share: where a pipeline's text can hold `#{namespace.key}`
 * references, how one is read, and what it names.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */

/** The namespace of the variables every execution has. */
export const BUILT_IN_NAMESPACE = 'codepipeline';
/** The namespace of the pipeline-level variables (V2). */
export const PIPELINE_VARIABLES_NAMESPACE = 'variables';
/** The built-in variables the user guide lists ("this set currently includes PipelineExecutionId"). */
export const BUILT_IN_VARIABLES: readonly string[] = ['PipelineExecutionId'];

/** Namespaces (ActionNamespace) and variable keys (OutputVariablesKey, PipelineVariableName) share one pattern. */
const NAME = /^[A-Za-z0-9@_-]+$/;
const NAME_CHARACTERS = 'letters, digits, "@", "_" and "-"';
/** How much of a reference a message quotes: a value holds up to 2000 characters. */
const SHOWN = 80;

/** When the text is read: by an action, or by a stage condition before or after the stage's actions. */
export type ReaderTiming =
  | { readonly kind: 'action'; readonly action: ActionModel; readonly position: RunPosition }
  | { readonly kind: 'beforeEntry'; readonly stageIndex: number }
  | { readonly kind: 'afterActions'; readonly stageIndex: number };

/** One text the service resolves references in. */
export interface ReferenceSite {
  readonly stage: StageModel;
  readonly action?: ActionModel;
  readonly timing: ReaderTiming;
  /** Where in the stage or action, for messages, e.g. `configuration value CustomData`. */
  readonly what: string;
  readonly text: string;
}

/** A reference of the documented form. */
export interface Reference {
  readonly kind: 'reference';
  /** As written, shortened for messages. */
  readonly shown: string;
  readonly namespace: string;
  readonly key: string;
}

/** Text that opens a reference but is not of the form `#{namespace.key}`. */
export interface MalformedReference {
  readonly kind: 'malformed';
  readonly shown: string;
  readonly problem: string;
}

/**
 * The references in a text, read as `#{` up to the next `}`. A body that itself holds `{` (built
 * from `${…}` or another reference) is text only known at run time, and is skipped.
 */
export function parseReferences(text: string): Array<Reference | MalformedReference> {
  const found: Array<Reference | MalformedReference> = [];
  let start = text.indexOf('#{');
  while (start !== -1) {
    const end = text.indexOf('}', start + 2);
    if (end === -1) {
      found.push({ kind: 'malformed', shown: shorten(text.slice(start)), problem: 'it has no closing "}"' });
      break;
    }
    const body = text.slice(start + 2, end);
    const shown = shorten(text.slice(start, end + 1));
    start = text.indexOf('#{', end + 1);
    if (body.includes('{')) continue;
    const dot = body.indexOf('.');
    if (dot === -1) {
      found.push({ kind: 'malformed', shown, problem: 'it has no "." between namespace and key' });
      continue;
    }
    const namespace = body.slice(0, dot);
    const key = body.slice(dot + 1);
    if (!NAME.test(namespace)) {
      found.push({ kind: 'malformed', shown, problem: `its namespace "${shorten(namespace)}" is not 1 or more of ${NAME_CHARACTERS}` });
    } else if (!NAME.test(key)) {
      found.push({ kind: 'malformed', shown, problem: `its key "${shorten(key)}" is not 1 or more of ${NAME_CHARACTERS}` });
    } else {
      found.push({ kind: 'reference', shown, namespace, key });
    }
  }
  return found;
}

function shorten(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

/** A text that holds `#{`, with the references read from it. */
export interface SiteReferences {
  readonly site: ReferenceSite;
  readonly references: ReadonlyArray<Reference | MalformedReference>;
}

const REFERENCES = new WeakMap<PipelineModel, readonly SiteReferences[]>();

/**
 * Every literal text the service resolves references in that holds one (`#{`), with its references:
 * action configuration values, and (V2) commands, environment variable values and the configuration
 * of stage-condition rules. Values only known at deploy time are left out. Two rules read this for
 * every text of every action, and most texts hold no reference: the list is built once per model, and
 * a site (its description included) only for a text that holds `#{`.
 */
export function referencesBySite(pipeline: PipelineModel): readonly SiteReferences[] {
  let found = REFERENCES.get(pipeline);
  if (!found) {
    found = readReferences(pipeline);
    REFERENCES.set(pipeline, found);
  }
  return found;
}

const holdsReference = (value: unknown): value is string => typeof value === 'string' && value.includes('#{');

function readReferences(pipeline: PipelineModel): SiteReferences[] {
  const found: SiteReferences[] = [];
  const add = (site: ReferenceSite) => found.push({ site, references: parseReferences(site.text) });
  for (const place of allActions(pipeline)) {
    const { stage, action } = place;
    let timing: ReaderTiming | undefined;
    const timingOf = (): ReaderTiming =>
      timing ??= { kind: 'action', action, position: { stageIndex: place.stageIndex, runOrder: runOrderOf(action) } };
    if (actionPartKnown(pipeline, place, 'configuration')) {
      for (const [key, value] of Object.entries(action.configuration)) {
        if (holdsReference(value)) add({ stage, action, timing: timingOf(), what: `configuration value ${key}`, text: value });
      }
    }
    const { commands, environmentVariables } = action;
    if (commands !== undefined) {
      for (let i = 0; i < commands.length; i++) {
        const command = commands[i];
        if (holdsReference(command)) add({ stage, action, timing: timingOf(), what: `command ${i + 1}`, text: command });
      }
    }
    if (environmentVariables !== undefined) {
      for (let i = 0; i < environmentVariables.length; i++) {
        const variable = environmentVariables[i];
        if (!holdsReference(variable.value)) continue;
        const name = known(variable.name) ?? `${i + 1}`;
        add({ stage, action, timing: timingOf(), what: `environment variable ${name}`, text: variable.value });
      }
    }
  }
  const stages = pipeline.stages;
  for (let stageIndex = 0; stageIndex < stages.length; stageIndex++) {
    const stage = stages[stageIndex];
    // Most stages have no conditions (they are V2 only).
    if (stage.beforeEntry === undefined && stage.onSuccess === undefined && stage.onFailure === undefined) continue;
    const conditionSets: Array<[string, ReaderTiming['kind'], readonly { readonly rules: readonly RuleModel[] }[] | undefined]> = [
      ['beforeEntry', 'beforeEntry', stage.beforeEntry?.conditions],
      ['onSuccess', 'afterActions', stage.onSuccess?.conditions],
      ['onFailure', 'afterActions', stage.onFailure?.conditions],
    ];
    for (const [name, kind, conditions] of conditionSets) {
      const timing = { kind, stageIndex } as ReaderTiming;
      for (const condition of conditions ?? []) {
        // A malformed condition or rule stands in its list with its parts unknown: read what is there.
        for (const rule of condition.rules ?? []) {
          for (const [key, value] of Object.entries(rule.configuration ?? {})) {
            if (holdsReference(value)) add({ stage, timing, what: `${name} rule ${describeName(rule.name)} configuration value ${key}`, text: value });
          }
        }
      }
    }
  }
  return found;
}

function describeName(name: Maybe<string>): string {
  const text = known(name);
  return text === undefined ? '(unnamed)' : `"${text}"`;
}

/** An action that declares a namespace, and where it runs. */
export interface NamespaceOwner {
  readonly stage: StageModel;
  readonly action: ActionModel;
  readonly position: RunPosition;
}

/** What the pipeline declares that references can name, built once per model. */
export interface Declared {
  readonly namespaces: ReadonlyMap<string, readonly NamespaceOwner[]>;
  /** False when an action, or its namespace, is only known at deploy time. */
  readonly namespacesComplete: boolean;
  readonly variables: ReadonlySet<string>;
  /** False when the variable list, or a variable's name, is only known at deploy time. */
  readonly variablesComplete: boolean;
}

const DECLARED = new WeakMap<PipelineModel, Declared>();

export function declared(pipeline: PipelineModel): Declared {
  let found = DECLARED.get(pipeline);
  if (found) return found;
  const namespaces = new Map<string, NamespaceOwner[]>();
  let namespacesComplete = allActionsKnown(pipeline);
  for (const { stage, stageIndex, action } of allActions(pipeline)) {
    if (action.namespace === undefined) continue;
    const namespace = known(action.namespace);
    if (namespace === undefined) {
      namespacesComplete = false;
      continue;
    }
    const owners = namespaces.get(namespace) ?? [];
    owners.push({ stage, action, position: { stageIndex, runOrder: runOrderOf(action) } });
    namespaces.set(namespace, owners);
  }
  const variables = new Set<string>();
  let variablesComplete = !unknownPart(pipeline, /^(variables(\[\d+\](\.name)?)?)?$/);
  for (const variable of pipeline.variables ?? []) {
    const name = known(variable.name);
    if (name === undefined) variablesComplete = false;
    else variables.add(name);
  }
  found = { namespaces, namespacesComplete, variables, variablesComplete };
  DECLARED.set(pipeline, found);
  return found;
}

function unknownPart(pipeline: PipelineModel, pattern: RegExp): boolean {
  return (pipeline.unresolvedParts ?? []).some((path) => pattern.test(path))
    || (pipeline.malformed ?? []).some((part) => pattern.test(part.path));
}

/** What a well-formed reference names, as the rules judge it. */
export type Resolution =
  | { readonly kind: 'resolved' }
  /** Not decidable from the declaration (an unknown runOrder, a namespace behind an intrinsic). */
  | { readonly kind: 'open' }
  | { readonly kind: 'unlisted-built-in' }
  | { readonly kind: 'undeclared-variable'; readonly declared: readonly string[] }
  | { readonly kind: 'unknown-namespace' }
  /** The namespace matches a known one only when case is ignored. */
  | { readonly kind: 'case-differs'; readonly namespace: string }
  | { readonly kind: 'own-namespace' }
  | { readonly kind: 'not-earlier'; readonly owner: NamespaceOwner; readonly problem: string };

export function resolve(reference: Reference, site: ReferenceSite, names: Declared): Resolution {
  const { namespace, key } = reference;
  if (namespace === BUILT_IN_NAMESPACE) {
    return BUILT_IN_VARIABLES.includes(key) ? { kind: 'resolved' } : { kind: 'unlisted-built-in' };
  }
  if (namespace === PIPELINE_VARIABLES_NAMESPACE) {
    if (names.variables.has(key)) return { kind: 'resolved' };
    return names.variablesComplete ? { kind: 'undeclared-variable', declared: [...names.variables] } : { kind: 'open' };
  }
  const owners = names.namespaces.get(namespace);
  if (!owners) {
    const lower = namespace.toLowerCase();
    const similar = [BUILT_IN_NAMESPACE, PIPELINE_VARIABLES_NAMESPACE, ...names.namespaces.keys()].find((n) => n.toLowerCase() === lower);
    if (similar !== undefined) return { kind: 'case-differs', namespace: similar };
    return names.namespacesComplete ? { kind: 'unknown-namespace' } : { kind: 'open' };
  }
  // Namespaces are unique (another rule reports a duplicate): any owner that runs earlier will do.
  let first: Resolution | undefined;
  for (const owner of owners) {
    const found = ownerProblem(owner, site.timing);
    if (found === undefined) return { kind: 'resolved' };
    first ??= found;
  }
  return first ?? { kind: 'resolved' };
}

function ownerProblem(owner: NamespaceOwner, timing: ReaderTiming): Resolution | undefined {
  if (timing.kind === 'action') {
    if (owner.action === timing.action) return { kind: 'own-namespace' };
    const problem = notFinishedBefore(owner.position, timing.position);
    return problem === undefined ? undefined : { kind: 'not-earlier', owner, problem };
  }
  // A condition checked after the stage's actions (onSuccess, onFailure) may read any namespace of
  // its own stage: on failure a later action may not have run, which the guide leaves open.
  if (owner.position.stageIndex > timing.stageIndex) return { kind: 'not-earlier', owner, problem: 'is in a later stage' };
  if (owner.position.stageIndex === timing.stageIndex && timing.kind === 'beforeEntry') {
    return { kind: 'not-earlier', owner, problem: 'is in this stage, whose beforeEntry conditions are checked before any of its actions run' };
  }
  return undefined;
}

