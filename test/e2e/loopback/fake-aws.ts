import { randomUUID } from 'crypto';
import { AwsJsonError, Handler } from './aws-json-server';

export interface FakeAction {
  name: string;
  status?: 'InProgress' | 'Succeeded' | 'Failed' | 'Abandoned';
  /** Set on a manual approval that waits for an answer. */
  token?: string;
  error?: string;
  roleArn?: string;
  /** @default - a CloudFormation deploy action */
  type?: { category: string; provider: string };
  configuration?: Record<string, string>;
  region?: string;
  runOrder?: number;
}

export interface FakeStage {
  name: string;
  status?: 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped';
  executionId?: string;
  actions: FakeAction[];
  transition?: { enabled: boolean; reason?: string };
  retryTrigger?: 'ManualStageRetry' | 'AutomatedStageRetry';
}

export interface FakeExecution {
  id: string;
  version: number;
  /** The statuses GetPipelineExecution reports, one per call; the last one stays. */
  script: string[];
}

export interface FakePipeline {
  name: string;
  account: string;
  region: string;
  version: number;
  stages: FakeStage[];
  executions: FakeExecution[];
  /** The artifact store key ID or ARN; absent means the AWS managed key. */
  artifactKey?: string;
  /** The statuses the next StartPipelineExecution's execution goes through. */
  nextRun?: string[];
  /** The stage the next execution fails in (its failed actions keep their errors). */
  nextRunFailsIn?: string;
}

export interface FakeKey {
  arn: string;
  policy: object;
  rotation: boolean;
  /** KMS's KeyState. @default 'Enabled' */
  state?: string;
}

const seconds = (): number => Date.UTC(2025, 2, 1, 10, 0, 0) / 1000;

/** In-memory CodePipeline and KMS behind the loopback endpoint, with the errors the service sends. */
export class FakeAws {
  readonly pipelines = new Map<string, FakePipeline>();
  readonly keys = new Map<string, FakeKey>();
  /** Every call to these operations fails with this error. */
  readonly faults = new Map<string, AwsJsonError>();

  add(pipeline: FakePipeline): this {
    this.pipelines.set(pipeline.name, pipeline);
    return this;
  }

  handlers(): Record<string, Handler> {
    const wrap = (operation: string, fn: Handler): Handler => (input) => {
      const fault = this.faults.get(operation);
      if (fault) throw fault;
      return fn(input);
    };
    const h: Record<string, Handler> = {
      GetPipelineState: ({ name }) => {
        const p = this.pipeline(name);
        return { pipelineName: p.name, pipelineVersion: p.version, created: seconds(), updated: seconds(), stageStates: p.stages.map(stageState) };
      },
      ListPipelineExecutions: ({ pipelineName, maxResults }) => {
        const p = this.pipeline(pipelineName);
        const latest = [...p.executions].reverse().slice(0, Number(maxResults ?? 100));
        return { pipelineExecutionSummaries: latest.map((e) => ({ pipelineExecutionId: e.id, status: e.script[0], startTime: seconds() })) };
      },
      StartPipelineExecution: ({ name }) => {
        const p = this.pipeline(name);
        const execution = { id: randomUUID(), version: p.version, script: p.nextRun ?? ['InProgress'] };
        p.executions.push(execution);
        const failing = p.stages.find((s) => s.name === p.nextRunFailsIn);
        if (failing) Object.assign(failing, { status: 'Failed', executionId: execution.id });
        return { pipelineExecutionId: execution.id };
      },
      GetPipelineExecution: ({ pipelineName, pipelineExecutionId }) => {
        const p = this.pipeline(pipelineName);
        const e = p.executions.find((x) => x.id === pipelineExecutionId);
        if (!e) throw new AwsJsonError('PipelineExecutionNotFoundException', `Pipeline execution ${pipelineExecutionId} not found`);
        const status = e.script.length > 1 ? e.script.shift()! : e.script[0];
        return { pipelineExecution: { pipelineName: p.name, pipelineVersion: e.version, pipelineExecutionId: e.id, status } };
      },
      PutApprovalResult: ({ pipelineName, stageName, actionName, token, result }) => {
        const action = this.action(pipelineName, stageName, actionName);
        if (action.status !== 'InProgress' || !action.token) throw new AwsJsonError('ApprovalAlreadyCompletedException', 'Approval already completed');
        if (action.token !== token) throw new AwsJsonError('InvalidApprovalTokenException', `Invalid token ${token}`);
        action.status = (result as { status: string }).status === 'Approved' ? 'Succeeded' : 'Failed';
        return { approvedAt: seconds() };
      },
      RetryStageExecution: ({ pipelineName, stageName, pipelineExecutionId }) => {
        const stage = this.stage(pipelineName, stageName);
        if (stage.status !== 'Failed' || stage.executionId !== pipelineExecutionId) {
          throw new AwsJsonError('StageNotRetryableException', 'Stage is not retryable');
        }
        stage.status = 'InProgress';
        stage.retryTrigger = 'ManualStageRetry';
        for (const a of stage.actions) if (a.status === 'Failed') a.status = 'InProgress';
        return { pipelineExecutionId };
      },
      EnableStageTransition: ({ pipelineName, stageName }) => {
        this.stage(pipelineName, stageName).transition = { enabled: true };
        return {};
      },
      DisableStageTransition: ({ pipelineName, stageName, reason }) => {
        this.stage(pipelineName, stageName).transition = { enabled: false, reason: String(reason) };
        return {};
      },
      GetPipeline: ({ name }) => {
        const p = this.pipeline(name);
        return {
          pipeline: {
            name: p.name,
            roleArn: `arn:aws:iam::${p.account}:role/${p.name}-pipeline`,
            version: p.version,
            artifactStore: {
              type: 'S3',
              location: `${p.name.toLowerCase()}-artifacts`,
              ...(p.artifactKey ? { encryptionKey: { id: p.artifactKey, type: 'KMS' } } : {}),
            },
            stages: p.stages.map((s) => ({
              name: s.name,
              actions: s.actions.map((a) => ({
                name: a.name,
                actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1', ...a.type },
                ...(a.runOrder ? { runOrder: a.runOrder } : {}),
                ...(a.configuration ? { configuration: a.configuration } : {}),
                ...(a.roleArn ? { roleArn: a.roleArn } : {}),
                ...(a.region ? { region: a.region } : {}),
              })),
            })),
          },
          metadata: { pipelineArn: `arn:aws:codepipeline:${p.region}:${p.account}:${p.name}`, created: seconds(), updated: seconds() },
        };
      },
      DescribeKey: ({ KeyId }) => {
        const key = this.key(KeyId);
        const [, , , region, account] = key.arn.split(':');
        return {
          KeyMetadata: { AWSAccountId: account, KeyId: key.arn.split('/')[1], Arn: key.arn, KeyManager: 'CUSTOMER', KeyState: key.state ?? 'Enabled', Enabled: (key.state ?? 'Enabled') === 'Enabled', CreationDate: seconds(), Description: region },
        };
      },
      GetKeyPolicy: ({ KeyId, PolicyName }) => ({ Policy: JSON.stringify(this.key(KeyId).policy), PolicyName: PolicyName ?? 'default' }),
      GetKeyRotationStatus: ({ KeyId }) => ({ KeyRotationEnabled: this.key(KeyId).rotation, KeyId: this.key(KeyId).arn }),
    };
    return Object.fromEntries(Object.entries(h).map(([op, fn]) => [op, wrap(op, fn)]));
  }

  private pipeline(name: unknown): FakePipeline {
    const p = this.pipelines.get(String(name));
    if (!p) throw new AwsJsonError('PipelineNotFoundException', `Account '111111111111' does not have a pipeline with name '${name}'`);
    return p;
  }

  private stage(pipeline: unknown, name: unknown): FakeStage {
    const stage = this.pipeline(pipeline).stages.find((s) => s.name === name);
    if (!stage) throw new AwsJsonError('StageNotFoundException', `Stage ${name} not found`);
    return stage;
  }

  private action(pipeline: unknown, stage: unknown, name: unknown): FakeAction {
    const action = this.stage(pipeline, stage).actions.find((a) => a.name === name);
    if (!action) throw new AwsJsonError('ActionNotFoundException', `Action ${name} not found`);
    return action;
  }

  private key(id: unknown): FakeKey {
    const key = [...this.keys.values()].find((k) => k.arn === id || k.arn.endsWith(`/${id}`));
    if (!key) throw new AwsJsonError('NotFoundException', `Key '${id}' does not exist`);
    return key;
  }
}

function stageState(stage: FakeStage): object {
  return {
    stageName: stage.name,
    inboundTransitionState: stage.transition
      ? { enabled: stage.transition.enabled, disabledReason: stage.transition.reason, lastChangedBy: 'arn:aws:iam::111111111111:user/ops', lastChangedAt: seconds() }
      : { enabled: true },
    ...(stage.status ? { latestExecution: { pipelineExecutionId: stage.executionId, status: stage.status } } : {}),
    ...(stage.retryTrigger ? { retryStageMetadata: { latestRetryTrigger: stage.retryTrigger, manualStageRetryAttempt: 1 } } : {}),
    actionStates: stage.actions.map((a) => ({
      actionName: a.name,
      ...(a.status
        ? {
            latestExecution: {
              actionExecutionId: randomUUID(),
              status: a.status,
              lastStatusChange: seconds(),
              ...(a.token ? { token: a.token } : {}),
              ...(a.error ? { errorDetails: { code: 'JobFailed', message: a.error } } : {}),
            },
          }
        : {}),
    })),
  };
}
