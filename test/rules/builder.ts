/**
 * Builds pipeline models for rule tests: every helper starts from a valid default, so a test states
 * only what it changes. `pipeline()` alone is a valid two-stage pipeline (S3 source, CloudFormation
 * deploy) in account 111111111111 that yields no findings.
 */
import {
  ActionModel,
  ActionTypeId,
  ArtifactStoreModel,
  Maybe,
  PipelineContext,
  PipelineModel,
  StageModel,
  TagModel,
  Unresolved,
} from '../../lib/model/pipeline-model';
import { QuotaOptions } from '../../lib/quotas';
import { Finding } from '../../lib/rules/finding';
import { Rule } from '../../lib/rules/rule';
import { validatePipeline } from '../../lib/validate';

export const PIPELINE_ACCOUNT = '111111111111';
export const TEST_ACCOUNT = '222222222222';
export const PROD_ACCOUNT = '333333333333';

/** The documents findings cite, written out here so that a changed citation fails a test. */
export const SOURCE = {
  API: 'CodePipeline API reference',
  QUOTAS: 'CodePipeline user guide, Quotas in AWS CodePipeline',
  CLASSIC: 'CodePipeline user guide (2017), Limits in AWS CodePipeline',
  OVERRIDE: 'your quota override',
  STRUCTURE: 'CodePipeline user guide, Pipeline structure reference',
  CLOUDFORMATION: 'CloudFormation user guide, AWS CloudFormation configuration properties reference',
  CROSS_ACCOUNT: 'CodePipeline user guide, Create a pipeline that uses resources from another AWS account',
  ARTIFACTS: 'CodePipeline user guide, Valid input and output artifacts for each action type',
  S3_SOURCE: 'CodePipeline user guide, Amazon S3 source action reference',
  CROSS_REGION: 'CodePipeline user guide, Add a cross-Region action in CodePipeline',
} as const;

/** A deploy-time value, as the CloudFormation adapter marks an intrinsic. */
export function intrinsic(expression: Record<string, unknown>): Unresolved {
  return { unresolved: true, expression };
}
export const ref = (logicalId: string) => intrinsic({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string) => intrinsic({ 'Fn::GetAtt': [logicalId, attribute] });
export const sub = (text: string) => intrinsic({ 'Fn::Sub': text });

export function roleIn(account: string, name = 'deploy'): string {
  return `arn:aws:iam::${account}:role/${name}`;
}

export interface ActionProps {
  readonly type?: Partial<ActionTypeId>;
  readonly runOrder?: Maybe<number | string>;
  /** Merged into the helper's default configuration; a key set to undefined is removed. */
  readonly configuration?: Readonly<Record<string, Maybe<string | number | boolean> | undefined>>;
  readonly inputs?: ReadonlyArray<Maybe<string>>;
  readonly outputs?: ReadonlyArray<Maybe<string>>;
  readonly roleArn?: Maybe<string>;
  readonly region?: Maybe<string>;
  readonly namespace?: Maybe<string>;
  readonly timeoutInMinutes?: Maybe<number | string>;
}

interface ActionDefaults {
  readonly type: ActionTypeId;
  readonly configuration: Record<string, Maybe<string | number | boolean>>;
  readonly inputs: ReadonlyArray<Maybe<string>>;
  readonly outputs: ReadonlyArray<Maybe<string>>;
}

function action(name: Maybe<string>, defaults: ActionDefaults, props: ActionProps): ActionModel {
  const configuration = Object.fromEntries(
    Object.entries({ ...defaults.configuration, ...props.configuration }).filter(([, v]) => v !== undefined),
  ) as Record<string, Maybe<string | number | boolean>>;
  const model: ActionModel = {
    name,
    actionTypeId: { ...defaults.type, ...props.type },
    configuration,
    inputArtifacts: (props.inputs ?? defaults.inputs).map((n) => ({ name: n })),
    outputArtifacts: (props.outputs ?? defaults.outputs).map((n) => ({ name: n })),
    runOrder: props.runOrder,
    roleArn: props.roleArn,
    region: props.region,
    namespace: props.namespace,
    timeoutInMinutes: props.timeoutInMinutes,
  };
  return Object.fromEntries(Object.entries(model).filter(([, v]) => v !== undefined)) as unknown as ActionModel;
}

const aws = (category: string, provider: string): ActionTypeId => ({ category, owner: 'AWS', provider, version: '1' });

/** An S3 source reading source-bucket/app.zip into the artifact "Source". */
export function s3Source(name: Maybe<string> = 'Source', props: ActionProps = {}): ActionModel {
  return action(name, { type: aws('Source', 'S3'), configuration: { S3Bucket: 'source-bucket', S3ObjectKey: 'app.zip' }, inputs: [], outputs: ['Source'] }, props);
}

/** A CloudFormation CREATE_UPDATE of stack "app" from Source::template.yaml. */
export function cfnDeploy(name: Maybe<string> = 'Deploy', props: ActionProps = {}): ActionModel {
  return action(
    name,
    {
      type: aws('Deploy', 'CloudFormation'),
      configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', TemplatePath: 'Source::template.yaml' },
      inputs: ['Source'],
      outputs: [],
    },
    props,
  );
}

/** A manual approval. */
export function approval(name: Maybe<string> = 'Approve', props: ActionProps = {}): ActionModel {
  return action(name, { type: aws('Approval', 'Manual'), configuration: {}, inputs: [], outputs: [] }, props);
}

/** A CodeBuild build of project "build" reading "Source". */
export function codeBuild(name: Maybe<string> = 'Build', props: ActionProps = {}): ActionModel {
  return action(name, { type: aws('Build', 'CodeBuild'), configuration: { ProjectName: 'build' }, inputs: ['Source'], outputs: [] }, props);
}

export function stage(name: Maybe<string>, ...actions: ActionModel[]): StageModel {
  return { name, actions };
}

/** `count` manual approvals named Approve1…, each with the runOrder `runOrderOf(i)` (default 1). */
export function approvals(count: number, runOrderOf: (i: number) => number = () => 1): ActionModel[] {
  return Array.from({ length: count }, (_, i) => approval(`Approve${i + 1}`, { runOrder: runOrderOf(i) }));
}

/** A pipeline of a source stage followed by `count - 1` stages of one approval each. */
export function stages(count: number): StageModel[] {
  return [stage('Source', s3Source()), ...Array.from({ length: count - 1 }, (_, i) => stage(`Stage${i + 2}`, approval()))];
}

export interface PipelineProps {
  readonly name?: Maybe<string>;
  readonly nameIsGenerated?: boolean;
  readonly stages?: StageModel[];
  readonly context?: PipelineContext;
  readonly artifactStore?: ArtifactStoreModel;
  readonly artifactStores?: Record<string, ArtifactStoreModel>;
  readonly tags?: TagModel[];
  readonly unresolvedParts?: string[];
}

export function pipeline(props: PipelineProps = {}): PipelineModel {
  return {
    name: props.name ?? 'Release',
    nameIsGenerated: props.nameIsGenerated,
    roleArn: roleIn(PIPELINE_ACCOUNT, 'pipeline'),
    artifactStore: props.artifactStore ?? { type: 'S3', location: 'artifacts' },
    artifactStores: props.artifactStores,
    stages: props.stages ?? [stage('Source', s3Source()), stage('Deploy', cfnDeploy())],
    tags: props.tags,
    unresolvedParts: props.unresolvedParts,
    context: props.context ?? { account: PIPELINE_ACCOUNT, region: 'us-east-1' },
    origin: {},
  };
}

/** The findings of one rule (or of every rule when none is given). */
export function check(model: PipelineModel, rule?: Rule, quotas?: QuotaOptions): Finding[] {
  return validatePipeline(model, { rules: rule ? [rule] : undefined, quotas });
}

/** A finding of pipeline "Release" as validatePipeline reports it. */
export function finding(
  ruleId: string,
  where: { readonly stage?: string; readonly action?: string; readonly pipeline?: string },
  message: string,
  severity: 'error' | 'warning' = 'error',
): Finding {
  return {
    ruleId,
    severity,
    pipeline: where.pipeline ?? 'Release',
    ...(where.stage !== undefined ? { stage: where.stage } : {}),
    ...(where.action !== undefined ? { action: where.action } : {}),
    message,
  };
}
