import { Annotations, Aspects, IAspect, Stack } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { IConstruct } from 'constructs';
import { branchesOfCfnPipeline } from './model/cdk-branches';
import { displayConstruct, stackElements } from './model/from-cdk';
import { modelForValidation } from './model/synth-models';
import { PipelineQuotas, QuotaProfileName, resolveQuotas } from './quotas';
import { describeLocation, Finding } from './rules/finding';
import { validateBranches } from './validate-template';
import { forTerminal } from './output';

/** The prefix of the warning IDs this library adds, e.g. `cdk-delivery-pipelines:cfn-unused-configuration`. */
export const WARNING_ID_PREFIX = 'cdk-delivery-pipelines:';

export interface PipelineChecksProps {
  /**
   * The quota profile to check against: `current` (the service's quotas today) or `classic` (the
   * 2017 figures: 10 stages, 20 actions per stage, 10 parallel and 10 sequential actions).
   * @default 'current'
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
   */
  readonly quotas?: QuotaProfileName;
  /**
   * Quotas your account has had raised; each replaces the profile's figure.
   * @default - the profile's figures
   */
  readonly quotaOverrides?: Partial<PipelineQuotas>;
}

/**
 * Per pipeline: the options of the check that wins. A check someone asked for beats the default one
 * a ReleasePipeline adds to itself; among checks of one kind, the one closest to the pipeline wins.
 */
interface Registration {
  props: PipelineChecksProps;
  explicit: boolean;
  depth: number;
}
const REGISTRATIONS = new WeakMap<CfnPipeline, Registration>();

/**
 * Runs every CodePipeline rule on every pipeline in a scope at synth: pipelines of this library,
 * aws-cdk-lib `codepipeline.Pipeline`s and raw `CfnPipeline`s alike. Errors fail synth with the
 * construct path; warnings are annotations that `Annotations.of(scope).acknowledgeWarning(id)` can
 * acknowledge, with IDs `cdk-delivery-pipelines:<rule-id>`.
 *
 * When several checks cover one pipeline, it is checked once, with the options of the check
 * registered on the scope closest to it. A `ReleasePipeline` checks itself with the current quotas
 * unless given its own `checks` prop; a check you add on any enclosing scope takes precedence over
 * that default.
 *
 * @example
 * PipelineChecks.of(app);
 * PipelineChecks.of(app, { quotas: 'classic', quotaOverrides: { maxStagesPerPipeline: 12 } });
 */
export class PipelineChecks implements IAspect {
  /** Checks every pipeline in `scope` (an app, a stage, a stack or a single pipeline). */
  public static of(scope: IConstruct, props: PipelineChecksProps = {}): PipelineChecks {
    const checks = new PipelineChecks(scope, props, true);
    Aspects.of(scope).add(checks);
    return checks;
  }

  /** The check a construct of this library adds to itself: any check added with `of()` wins over it. */
  public static byDefault(scope: IConstruct): PipelineChecks {
    const checks = new PipelineChecks(scope, {}, false);
    Aspects.of(scope).add(checks);
    return checks;
  }

  private readonly depth: number;

  private constructor(scope: IConstruct, private readonly props: PipelineChecksProps, private readonly explicit: boolean) {
    // Fail at the call, not at synth, on an unknown profile or override.
    resolveQuotas({ profile: props.quotas, overrides: props.quotaOverrides });
    this.depth = scope.node.scopes.length;
  }

  public visit(node: IConstruct): void {
    if (!CfnPipeline.isCfnPipeline(node)) return;
    const existing = REGISTRATIONS.get(node);
    if (existing) {
      if (this.outranks(existing)) Object.assign(existing, { props: this.props, explicit: this.explicit, depth: this.depth });
      return;
    }
    const registration: Registration = { props: this.props, explicit: this.explicit, depth: this.depth };
    REGISTRATIONS.set(node, registration);
    const target = displayConstruct(node);
    target.node.addValidation({ validate: () => checkPipeline(node, target, registration.props) });
  }

  private outranks(other: Registration): boolean {
    if (this.explicit !== other.explicit) return this.explicit;
    return this.depth >= other.depth;
  }
}

function checkPipeline(pipeline: CfnPipeline, target: IConstruct, props: PipelineChecksProps): string[] {
  // Where the stack's conditions choose between parts (Fn::If), each combination is checked.
  // One walk of the stack's elements serves the bucket facts and the stack's conditions.
  const elements = stackElements(Stack.of(pipeline));
  const findings = validateBranches(branchesOfCfnPipeline(pipeline, modelForValidation(pipeline, elements), elements), {
    quotas: { profile: props.quotas, overrides: props.quotaOverrides },
  });
  for (const warning of findings.filter((f) => f.severity === 'warning')) {
    Annotations.of(target).addWarningV2(`${WARNING_ID_PREFIX}${warning.ruleId}`, describe(warning));
  }
  return findings.filter((f) => f.severity === 'error').map(describe);
}

/**
 * One finding as `cdk synth` prints it: names come from the template (an included or imported one
 * too), so control characters are shown escaped, as pipectl shows them.
 */
function describe(finding: Finding): string {
  return forTerminal(`[${finding.ruleId}] ${describeLocation(finding)}: ${finding.message}`);
}
