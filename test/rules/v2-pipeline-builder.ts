/**
 * Builds V2 pipeline models for the pipeline-level V2 rules (type, execution mode, variables,
 * triggers, disabled transitions), on top of builder.ts: `v2Pipeline()` alone is a valid V2 pipeline
 * whose source is a CodeStarSourceConnection action named "Source", and yields no findings.
 */
import {
  ActionModel,
  DisabledTransitionModel,
  GitFilterCriteriaModel,
  GitPullRequestFilterModel,
  GitPushFilterModel,
  Maybe,
  PipelineModel,
  PipelineVariableModel,
  TriggerModel,
} from '../../lib/model/pipeline-model';
import { PipelineProps, cfnDeploy, pipeline, stage } from './builder';

export const CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:111111111111:connection/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A CodeStarSourceConnection source reading my-org/app at main into the artifact "Source". */
export function connectionSource(name: Maybe<string> = 'Source'): ActionModel {
  return {
    name,
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
    configuration: { ConnectionArn: CONNECTION_ARN, FullRepositoryId: 'my-org/app', BranchName: 'main' },
    inputArtifacts: [],
    outputArtifacts: [{ name: 'Source' }],
  };
}

/** A Commands action (category Compute) reading "Source". */
export function commandsAction(name: Maybe<string> = 'Test'): ActionModel {
  return {
    name,
    actionTypeId: { category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1' },
    configuration: {},
    inputArtifacts: [{ name: 'Source' }],
    outputArtifacts: [],
    commands: ['npm ci', 'npm test'],
  };
}

export interface V2PipelineProps extends PipelineProps {
  /** @default 'V2'; null leaves it out. */
  readonly pipelineType?: Maybe<string> | null;
  readonly executionMode?: Maybe<string>;
  readonly variables?: PipelineVariableModel[];
  readonly triggers?: TriggerModel[];
  readonly disabledInboundTransitions?: DisabledTransitionModel[];
  readonly malformed?: PipelineModel['malformed'];
}

/** The builder's pipeline with a connection source, declared V2, and the V2 parts given. */
export function v2Pipeline(props: V2PipelineProps = {}): PipelineModel {
  const base = pipeline({ ...props, stages: props.stages ?? [stage('Source', connectionSource()), stage('Deploy', cfnDeploy())] });
  const model: PipelineModel = {
    ...base,
    pipelineType: props.pipelineType === null ? undefined : (props.pipelineType ?? 'V2'),
    executionMode: props.executionMode,
    variables: props.variables,
    triggers: props.triggers,
    disabledInboundTransitions: props.disabledInboundTransitions,
    malformed: props.malformed,
  };
  return Object.fromEntries(Object.entries(model).filter(([, v]) => v !== undefined)) as unknown as PipelineModel;
}

export function variable(name: Maybe<string>, defaultValue?: Maybe<string>, description?: Maybe<string>): PipelineVariableModel {
  return { name, ...(defaultValue !== undefined ? { defaultValue } : {}), ...(description !== undefined ? { description } : {}) };
}

/** `count` variables named Var1…, each with a default value. */
export function variables(count: number): PipelineVariableModel[] {
  return Array.from({ length: count }, (_, i) => variable(`Var${i + 1}`, 'value'));
}

export interface TriggerProps {
  readonly providerType?: Maybe<string>;
  readonly push?: GitPushFilterModel[];
  readonly pullRequest?: GitPullRequestFilterModel[];
}

/** A trigger on the source action `sourceActionName`; by default one push filter on branch main. */
export function trigger(sourceActionName: Maybe<string> | undefined = 'Source', props: TriggerProps = {}): TriggerModel {
  const model = {
    providerType: props.providerType ?? 'CodeStarSourceConnection',
    sourceActionName,
    push: props.push ?? (props.pullRequest ? undefined : [onBranches('main')]),
    pullRequest: props.pullRequest,
  };
  return Object.fromEntries(Object.entries(model).filter(([, v]) => v !== undefined)) as unknown as TriggerModel;
}

/** Filter criteria including the patterns given. */
export function including(...patterns: Maybe<string>[]): GitFilterCriteriaModel {
  return { includes: patterns };
}

/** A push filter on the branches given. */
export function onBranches(...patterns: Maybe<string>[]): GitPushFilterModel {
  return { branches: including(...patterns) };
}

/** A push filter on the tags given. */
export function onTags(...patterns: Maybe<string>[]): GitPushFilterModel {
  return { tags: including(...patterns) };
}

/** A pull-request filter on the target branches given, for the events given (default all three). */
export function pullRequestInto(branches: Maybe<string>[], events: Maybe<string>[] = ['OPEN', 'UPDATED', 'CLOSED']): GitPullRequestFilterModel {
  return { events, branches: including(...branches) };
}

/** A disabled inbound transition; a null reason leaves the reason out. */
export function disabledTransition(stageName: Maybe<string> | undefined, reason: Maybe<string> | null = 'Release freeze'): DisabledTransitionModel {
  return (reason === null ? { stageName } : { stageName, reason }) as DisabledTransitionModel;
}
