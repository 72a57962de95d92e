import { ChangeSetStatusMeaning, changeSetStatusMeaning } from './change-set-status';
import {
  ChangeInput,
  ChangeSetInput,
  ChangeSetReview,
  ChangedProperty,
  FlagNote,
  ResourceChangeDetailInput,
  ResourceChangeInput,
  ReviewFlag,
  ReviewedChange,
} from './change-set-review';
import { permissionType } from './permission-types';
import { statefulType } from './stateful-types';

/** The one resource type that is a nested stack. */
const NESTED_STACK = 'AWS::CloudFormation::Stack';

/** Policy actions that keep the old resource: nothing is deleted. */
const KEPT = new Set(['Retain', 'ReplaceAndRetain']);
/** Policy actions that snapshot the old resource before deleting it. */
const SNAPSHOT = new Set(['Snapshot', 'ReplaceAndSnapshot']);

/** Recreation levels, weakest first: a property listed twice keeps the strongest. */
const RECREATION = ['Never', 'Conditionally', 'Always'];

/**
 * Reads a described change set into the review: each resource change with its changed properties
 * and flags, the counts, and what its status means. Pure: the same answer gives the same review,
 * for `pipectl review` and for a review step alike. `meaning` overrides the status's own meaning
 * (a change set that was not found has no status).
 */
export function reviewChangeSet(changeSet: ChangeSetInput, meaning: ChangeSetStatusMeaning = changeSetStatusMeaning(changeSet)): ChangeSetReview {
  const changes = (changeSet.Changes ?? []).map(resourceChangeOf).filter((c): c is ResourceChangeInput => c !== undefined).map(reviewChange);
  const flagCounts: Record<ReviewFlag, number> = { 'data-loss': 0, 'permissions': 0, 'nested-stack': 0 };
  const actionCounts: Record<string, number> = {};
  for (const change of changes) {
    actionCounts[change.action] = (actionCounts[change.action] ?? 0) + 1;
    for (const note of change.flags) flagCounts[note.flag] += 1;
  }
  return {
    stackName: changeSet.StackName,
    changeSetName: changeSet.ChangeSetName,
    changeSetId: changeSet.ChangeSetId,
    status: changeSet.Status,
    statusReason: changeSet.StatusReason,
    executionStatus: changeSet.ExecutionStatus,
    meaning,
    changes,
    flagCounts,
    actionCounts,
  };
}

/** Changes of another Type than Resource (none are defined today) carry nothing to review. */
function resourceChangeOf(change: ChangeInput): ResourceChangeInput | undefined {
  return change.Type === undefined || change.Type === 'Resource' ? change.ResourceChange : undefined;
}

export function reviewChange(change: ResourceChangeInput): ReviewedChange {
  const changedProperties = changedPropertiesOf(change.Details ?? []);
  const flags = [dataLossOf(change), permissionsOf(change, changedProperties), nestedStackOf(change)].filter((f): f is FlagNote => f !== undefined);
  return {
    action: change.Action ?? '?',
    logicalId: change.LogicalResourceId ?? '?',
    ...(change.PhysicalResourceId !== undefined ? { physicalId: change.PhysicalResourceId } : {}),
    resourceType: change.ResourceType ?? '?',
    ...(change.Replacement !== undefined ? { replacement: change.Replacement } : {}),
    ...(change.PolicyAction !== undefined ? { policyAction: change.PolicyAction } : {}),
    changedProperties,
    flags,
    ...(change.ChangeSetId !== undefined && change.ResourceType === NESTED_STACK ? { nestedChangeSetId: change.ChangeSetId } : {}),
  };
}

/**
 * The properties (by name) and other attributes that change, each once, with the strongest
 * recreation any detail gives it. A detail names a property only for the Properties attribute.
 */
function changedPropertiesOf(details: readonly ResourceChangeDetailInput[]): ChangedProperty[] {
  const byName = new Map<string, ChangedProperty>();
  for (const detail of details) {
    const target = detail.Target;
    if (!target) continue;
    const name = target.Attribute === 'Properties' || target.Attribute === undefined ? target.Name : target.Attribute;
    if (!name) continue;
    const seen = byName.get(name);
    const recreation = stronger(seen?.requiresRecreation, target.RequiresRecreation);
    // Static wins: CloudFormation already knows the new value from one of the sources.
    const evaluation = seen?.evaluation === 'Static' ? 'Static' : detail.Evaluation ?? seen?.evaluation;
    byName.set(name, { name, ...(recreation ? { requiresRecreation: recreation } : {}), ...(evaluation ? { evaluation } : {}) });
  }
  return [...byName.values()];
}

function stronger(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RECREATION.indexOf(b) > RECREATION.indexOf(a) ? b : a;
}

/**
 * Removal, or a replacement that is certain (True) or possible (Conditional), of a type that holds
 * data, unless the change's PolicyAction keeps the old resource (Retain, ReplaceAndRetain). A
 * Snapshot policy still flags it (the live data goes; a restore is a new resource), saying so.
 * Dynamic changes are flagged when CloudFormation says a replacement may follow.
 */
function dataLossOf(change: ResourceChangeInput): FlagNote | undefined {
  const entry = statefulType(change.ResourceType);
  if (!entry) return undefined;
  const removed = change.Action === 'Remove';
  const replaced = (change.Action === 'Modify' || change.Action === 'Dynamic') && (change.Replacement === 'True' || change.Replacement === 'Conditional');
  if (!removed && !replaced) return undefined;
  if (change.PolicyAction !== undefined && KEPT.has(change.PolicyAction)) return undefined;
  const how = removed ? 'removed' : change.Replacement === 'True' ? 'replaced' : 'may be replaced';
  const snapshot = change.PolicyAction !== undefined && SNAPSHOT.has(change.PolicyAction) ? ', snapshot taken first' : '';
  return { flag: 'data-loss', reason: `${entry.holds}, ${how}${snapshot}` };
}

/**
 * For a type whose access lies in some of its properties, an Add, Remove or Import counts when the
 * change's property values show one of them, and when they are absent: the review does not ask
 * DescribeChangeSet for property values (they can hold secrets), so a new repository or API may bring
 * a policy that the answer does not show, and is flagged as such rather than passed.
 */
function permissionsOf(change: ResourceChangeInput, changed: readonly ChangedProperty[]): FlagNote | undefined {
  const entry = permissionType(change.ResourceType);
  if (!entry) return undefined;
  if (change.Action === 'SyncWithActual') return undefined;
  if (!entry.properties) return { flag: 'permissions', reason: entry.what };
  const reason = `${entry.what} (${entry.properties.join(', ')})`;
  const whole = change.Action === 'Add' || change.Action === 'Remove' || change.Action === 'Import';
  if (!whole) return changed.some((c) => entry.properties!.includes(c.name)) ? { flag: 'permissions', reason } : undefined;
  if (entry.presentOnEveryResource) return { flag: 'permissions', reason };
  const values = propertyValuesOf(change.Action === 'Remove' ? change.BeforeContext : change.AfterContext);
  if (values === undefined) return { flag: 'permissions', reason: `${reason}: may be set, property values are not read` };
  return entry.properties.some((p) => values[p] !== undefined) ? { flag: 'permissions', reason } : undefined;
}

function nestedStackOf(change: ResourceChangeInput): FlagNote | undefined {
  if (change.ResourceType !== NESTED_STACK) return undefined;
  return { flag: 'nested-stack', reason: change.ChangeSetId ? 'its changes are in its own change set' : 'its changes are not listed here' };
}

/**
 * The properties a BeforeContext/AfterContext (JSON of the resource, only with IncludePropertyValues)
 * holds; undefined when it is absent or not a JSON object.
 */
function propertyValuesOf(context: string | undefined): Record<string, unknown> | undefined {
  if (context === undefined) return undefined;
  try {
    const parsed = JSON.parse(context) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const properties = (parsed as { Properties?: unknown }).Properties ?? parsed;
    return properties !== null && typeof properties === 'object' ? (properties as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
