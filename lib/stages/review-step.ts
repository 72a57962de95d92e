import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import { CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { FAIL_ON_FLAGS } from '../review/step/review-parameters';
import { ChangeSetReviewFunction } from './change-set-review-function';
import { ReleaseStageContext } from './release-stage';
import { ReleaseStep } from './release-step';
import { ReviewChangeSetStepProps } from './release-step-props';
import { StepLabel } from './step-checks';
import { Placements } from './wave';

/** A variable namespace: 1–100 of letters, digits, "@", "-" and "_" (API model, ActionNamespace). */
const NAMESPACE = { pattern: /[^A-Za-z0-9@_-]/g, maxLength: 100 };
const REPORT_SUFFIX = '-Report';

/**
 * The variable namespace of a review action: `<stage>-<action>`, with each character a namespace
 * does not take (a `.` of the stage or action name) written `_`. Its report artifact is
 * `<namespace>-Report` (`@` written `_`: artifact names do not take it).
 */
export function reviewNamespace(stageName: string, actionName: string): string {
  return `${stageName}-${actionName}`.replace(NAMESPACE.pattern, '_');
}

/** The `#{…}` reference to a review action's one-line summary. */
export function reviewSummaryVariable(namespace: string): string {
  return `#{${namespace}.Summary}`;
}

/**
 * Checks a review step in its stage: it reviews a change set an earlier step of the stage creates,
 * before the step that executes it, in targets (the reviewer role is a target's), with known flags.
 */
export function validateReviewSteps(where: string, steps: readonly ReleaseStep[], labels: readonly StepLabel[]): void {
  for (const [index, step] of steps.entries()) {
    const spec = step.spec;
    if (spec.kind !== 'reviewChangeSet') continue;
    const { name, at } = labels[index];
    const createIndex = steps.indexOf(spec.deploy);
    if (createIndex < 0) {
      throw new Error(`${where}: ${name} reviews a change set of a step that is not in this stage (stack "${spec.deploy.stackName}"); put the ReleaseStep.createChangeSet(...) step it refers to earlier in the same stage.`);
    }
    const createName = labels[createIndex].name;
    if (spec.deploy.kind !== 'createChangeSet') {
      throw new Error(`${where}: ${name} reviews a change set, but ${createName} deploys its stack directly (ReleaseStep.deployStack) and makes none; review a ReleaseStep.createChangeSet(...) step.`);
    }
    if (createIndex > index) throw new Error(`${where}: ${name} reviews the change set of ${createName}, which comes after it; move ${name} after ${createName}.`);
    const executeIndex = steps.findIndex((s) => s.spec.kind === 'executeChangeSet' && s.spec.deploy === spec.deploy);
    if (executeIndex >= 0 && executeIndex < index) {
      throw new Error(`${where}: ${name} reviews the change set of ${createName} after ${labels[executeIndex].name} executed it, when there is nothing left to review; move ${name} before the approval.`);
    }
    const props = spec.deploy.stackProps;
    if (props.target === undefined && props.targets === undefined) {
      throw new Error(`${where}: ${name} reviews a change set in the pipeline account (${createName} has no target); the review reads change sets as a DeploymentTarget's reviewer role: give ${createName} a target, or remove the review step.`);
    }
    for (const flag of spec.props.failOn ?? []) {
      if (!(FAIL_ON_FLAGS as readonly string[]).includes(flag)) throw new Error(`${where}: ${at}failOn has "${String(flag)}"; a review step fails on ${FAIL_ON_FLAGS.join(' and ')}.`);
    }
    for (const entry of spec.props.acknowledge ?? []) {
      if (Token.isUnresolved(entry) || /#\{/.test(entry)) continue;
      for (const part of entry.split(/[\s,]+/).filter((p) => p !== '')) {
        const [flag, logicalId] = [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1)];
        if (part.indexOf(':') < 0 || !(FAIL_ON_FLAGS as readonly string[]).includes(flag) || logicalId === '') {
          throw new Error(`${where}: ${at}acknowledge has "${part}"; write flag:LogicalId with flag ${FAIL_ON_FLAGS.join(' or ')} (data-loss:Database, permissions:*), or a pipeline variable such as #{variables.Acknowledge}.`);
        }
      }
    }
  }
}

/** `stage.grantReview()`: review granted on every target of the stage. */
export function grantStageReview(where: string, targets: readonly DeploymentTarget[], principalArn: string): void {
  if (targets.length === 0) {
    throw new Error(`${where}.grantReview: the stage deploys into the pipeline account, which has no reviewer role; grant read access to its stacks with IAM in that account, or give the stage a target.`);
  }
  for (const target of targets) target.grantReview(principalArn);
}

/** The review step's actions: one Lambda invoke action per target of the change set's step. */
export function reviewActions(
  where: string, context: ReleaseStageContext, stageName: string, props: ReviewChangeSetStepProps,
  stackName: string, changeSetName: string, placements: Placements, names: readonly string[], runOrder: number,
): codepipeline.IAction[] {
  return placements.map((target, t) => {
    const checked = target as DeploymentTarget;
    const fn = ChangeSetReviewFunction.of(context.scope, checked.identity);
    const roleArn = checked.allowReviewStep();
    fn.allowReviewerRole(roleArn);
    const namespace = reviewNamespace(stageName, names[t]);
    const artifactName = `${namespace.replace(/@/g, '_')}${REPORT_SUFFIX}`;
    if (artifactName.length > NAMESPACE.maxLength) {
      throw new Error(`${where}: the review action "${names[t]}" makes the variable namespace "${namespace}" and report artifact "${artifactName}" (${artifactName.length} characters), and CodePipeline allows at most ${NAMESPACE.maxLength}; shorten the stage name or the step's actionName.`);
    }
    return new ReviewInvokeAction({
      actionName: names[t],
      runOrder,
      lambda: fn.function,
      userParameters: {
        stackName,
        changeSetName,
        account: checked.account,
        region: checked.region,
        roleArn,
        failOn: props.failOn ?? [],
        acknowledge: props.acknowledge ?? [],
      },
      outputs: [new codepipeline.Artifact(artifactName)],
      variablesNamespace: namespace,
    });
  });
}

/**
 * CodePipeline's Lambda invoke action, whose grants to the action's role (the pipeline role) carry
 * their evidence: aws-cdk-lib grants `lambda:ListFunctions` on `*` and `lambda:InvokeFunction` on the
 * function and its versions (`<arn>:*`).
 */
class ReviewInvokeAction extends codepipeline_actions.LambdaInvokeAction {
  constructor(private readonly reviewProps: codepipeline_actions.LambdaInvokeActionProps) {
    super(reviewProps);
  }

  protected bound(scope: Construct, stage: codepipeline.IStage, options: codepipeline.ActionBindOptions): codepipeline.ActionConfig {
    const config = super.bound(scope, stage, options);
    const fn = this.reviewProps.lambda;
    const functionId = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
    Validations.of(options.role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'lambda:ListFunctions, which aws-cdk-lib\'s Lambda invoke action grants the pipeline role: the Service Authorization Reference lists no resource type for ListFunctions, so it takes only "*".',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
        reason: 'lambda:InvokeFunction on the change-set review function\'s own versions and aliases (aws-cdk-lib\'s Lambda invoke action grant); no other function.',
      },
    );
    return config;
  }
}
