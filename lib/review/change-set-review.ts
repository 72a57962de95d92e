import { ChangeSetStatusInput, ChangeSetStatusMeaning } from './change-set-status';

/**
 * The parts of DescribeChangeSet's answer the review reads, as the API names them (the SDK's
 * `DescribeChangeSetOutput` fits), so the classifier needs no SDK and reads fixtures as they are.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeChangeSet.html
 */
export interface ChangeSetInput extends ChangeSetStatusInput {
  readonly StackName?: string;
  readonly ChangeSetName?: string;
  readonly ChangeSetId?: string;
  /** Every page's changes, in order. */
  readonly Changes?: readonly ChangeInput[];
}

/** @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Change.html */
export interface ChangeInput {
  readonly Type?: string;
  readonly ResourceChange?: ResourceChangeInput;
}

/** @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html */
export interface ResourceChangeInput {
  /** Add, Modify, Remove, Import, Dynamic or SyncWithActual. */
  readonly Action?: string;
  readonly LogicalResourceId?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceType?: string;
  /** True, Conditional or False; only for Modify. */
  readonly Replacement?: string;
  /** Delete, Retain, Snapshot, ReplaceAndDelete, ReplaceAndRetain or ReplaceAndSnapshot. */
  readonly PolicyAction?: string;
  readonly Scope?: readonly string[];
  readonly Details?: readonly ResourceChangeDetailInput[];
  /** A nested stack's own change set. */
  readonly ChangeSetId?: string;
  /** JSON of the resource's properties, with IncludePropertyValues. */
  readonly BeforeContext?: string;
  readonly AfterContext?: string;
}

/** @see https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChangeDetail.html */
export interface ResourceChangeDetailInput {
  readonly Target?: {
    /** Properties, Metadata, CreationPolicy, UpdatePolicy, DeletionPolicy, UpdateReplacePolicy or Tags. */
    readonly Attribute?: string;
    readonly Name?: string;
    /** Never, Conditionally or Always. */
    readonly RequiresRecreation?: string;
    readonly AttributeChangeType?: string;
  };
  /** Static or Dynamic. */
  readonly Evaluation?: string;
  readonly ChangeSource?: string;
  readonly CausingEntity?: string;
}

export type ReviewFlag = 'data-loss' | 'permissions' | 'nested-stack';

export interface FlagNote {
  readonly flag: ReviewFlag;
  /** Why, in a few words: "database, replaced", "IAM role". */
  readonly reason: string;
}

/** A property (or another attribute, such as Tags or Metadata) that the change alters. */
export interface ChangedProperty {
  /** `Engine` for a property, the attribute's name otherwise (`Tags`, `Metadata`, `DeletionPolicy`). */
  readonly name: string;
  /** Always, Conditionally or Never: whether changing it replaces the resource. */
  readonly requiresRecreation?: string;
  /** Whether CloudFormation knows the new value now (Static) or only at execution (Dynamic). */
  readonly evaluation?: string;
}

/**
 * A changed property as a reviewer reads it: `Engine (replaces)`, `Size (may replace)`, `Tags`. Plain
 * text: each medium escapes it on the way out.
 */
export function propertyText(property: ChangedProperty): string {
  if (property.requiresRecreation === 'Always') return `${property.name} (replaces)`;
  if (property.requiresRecreation === 'Conditionally') return `${property.name} (may replace)`;
  return property.name;
}

export interface ReviewedChange {
  readonly action: string;
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly resourceType: string;
  readonly replacement?: string;
  readonly policyAction?: string;
  readonly changedProperties: ChangedProperty[];
  readonly flags: FlagNote[];
  /** For a nested stack: the change set that holds its own changes. */
  readonly nestedChangeSetId?: string;
}

export interface ChangeSetReview {
  readonly stackName?: string;
  readonly changeSetName?: string;
  readonly changeSetId?: string;
  readonly status?: string;
  readonly statusReason?: string;
  readonly executionStatus?: string;
  readonly meaning: ChangeSetStatusMeaning;
  readonly changes: ReviewedChange[];
  /** How many changes carry each flag. */
  readonly flagCounts: Record<ReviewFlag, number>;
  /** How many changes of each action (Add, Modify…), in first-seen order. */
  readonly actionCounts: Record<string, number>;
}
