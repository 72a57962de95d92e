/**
 * The input shapes of the operations pipectl calls, written by hand from the CodePipeline
 * (2015-07-09) and KMS (2014-11-01) API models: required members, types, lengths, ranges, patterns
 * and enums. The loopback endpoint rejects any request that does not fit, as the service would.
 */
export type Shape =
  | { type: 'string'; min?: number; max?: number; pattern?: RegExp; enum?: readonly string[] }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'list'; member: Shape; min?: number; max?: number }
  | { type: 'structure'; members: Record<string, Shape>; required?: readonly string[] };

const NAME: Shape = { type: 'string', min: 1, max: 100, pattern: /^[A-Za-z0-9.@\-_]+$/ };
const UUID: Shape = { type: 'string', pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ };
const TRANSITION: Shape = { type: 'string', enum: ['Inbound', 'Outbound'] };
const KEY_ID: Shape = { type: 'string', min: 1, max: 2048 };
const struct = (members: Record<string, Shape>, required: readonly string[] = []): Shape => ({ type: 'structure', members, required });

export const CODEPIPELINE_INPUTS: Record<string, Shape> = {
  GetPipeline: struct({ name: NAME, version: { type: 'integer', min: 1 } }, ['name']),
  GetPipelineState: struct({ name: NAME }, ['name']),
  ListPipelineExecutions: struct(
    {
      pipelineName: NAME,
      maxResults: { type: 'integer', min: 1, max: 100 },
      nextToken: { type: 'string', min: 1, max: 2048 },
      filter: struct({ succeededInStage: struct({ stageName: NAME }) }),
    },
    ['pipelineName'],
  ),
  StartPipelineExecution: struct(
    {
      name: NAME,
      clientRequestToken: { type: 'string', min: 1, max: 128, pattern: /^[a-zA-Z0-9-]+$/ },
      variables: { type: 'list', min: 1, max: 50, member: struct({ name: { type: 'string', min: 1, max: 128 }, value: { type: 'string', min: 1, max: 1000 } }, ['name', 'value']) },
    },
    ['name'],
  ),
  GetPipelineExecution: struct({ pipelineName: NAME, pipelineExecutionId: UUID }, ['pipelineName', 'pipelineExecutionId']),
  PutApprovalResult: struct(
    {
      pipelineName: NAME,
      stageName: NAME,
      actionName: NAME,
      result: struct({ summary: { type: 'string', min: 0, max: 512 }, status: { type: 'string', enum: ['Approved', 'Rejected'] } }, ['summary', 'status']),
      token: UUID,
    },
    ['pipelineName', 'stageName', 'actionName', 'result', 'token'],
  ),
  RetryStageExecution: struct(
    { pipelineName: NAME, stageName: NAME, pipelineExecutionId: UUID, retryMode: { type: 'string', enum: ['FAILED_ACTIONS', 'ALL_ACTIONS'] } },
    ['pipelineName', 'stageName', 'pipelineExecutionId', 'retryMode'],
  ),
  EnableStageTransition: struct({ pipelineName: NAME, stageName: NAME, transitionType: TRANSITION }, ['pipelineName', 'stageName', 'transitionType']),
  DisableStageTransition: struct(
    { pipelineName: NAME, stageName: NAME, transitionType: TRANSITION, reason: { type: 'string', min: 1, max: 300, pattern: /^[a-zA-Z0-9!@ ().*?-]+$/ } },
    ['pipelineName', 'stageName', 'transitionType', 'reason'],
  ),
};

export const KMS_INPUTS: Record<string, Shape> = {
  DescribeKey: struct({ KeyId: KEY_ID, GrantTokens: { type: 'list', min: 0, max: 10, member: { type: 'string', min: 1, max: 8192 } } }, ['KeyId']),
  GetKeyPolicy: struct({ KeyId: KEY_ID, PolicyName: { type: 'string', min: 1, max: 128, pattern: /^[\w]+$/ } }, ['KeyId']),
  GetKeyRotationStatus: struct({ KeyId: KEY_ID }, ['KeyId']),
};

/** Every way `value` breaks `shape`, as `path: problem`; empty when it fits. */
export function shapeViolations(shape: Shape, value: unknown, path = 'input'): string[] {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${path}: expected a string`];
      const problems: string[] = [];
      if (shape.min !== undefined && value.length < shape.min) problems.push(`${path}: shorter than ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) problems.push(`${path}: longer than ${shape.max}`);
      if (shape.pattern && !shape.pattern.test(value)) problems.push(`${path}: does not match ${shape.pattern}`);
      if (shape.enum && !shape.enum.includes(value)) problems.push(`${path}: not one of ${shape.enum.join(', ')}`);
      return problems;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${path}: expected an integer`];
      if (shape.min !== undefined && value < shape.min) return [`${path}: below ${shape.min}`];
      if (shape.max !== undefined && value > shape.max) return [`${path}: above ${shape.max}`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'list': {
      if (!Array.isArray(value)) return [`${path}: expected a list`];
      const problems: string[] = [];
      if (shape.min !== undefined && value.length < shape.min) problems.push(`${path}: fewer than ${shape.min} items`);
      if (shape.max !== undefined && value.length > shape.max) problems.push(`${path}: more than ${shape.max} items`);
      value.forEach((item, i) => problems.push(...shapeViolations(shape.member, item, `${path}[${i}]`)));
      return problems;
    }
    case 'structure': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
      const record = value as Record<string, unknown>;
      const problems: string[] = [];
      for (const name of shape.required ?? []) if (record[name] === undefined) problems.push(`${path}.${name}: required`);
      for (const [name, member] of Object.entries(record)) {
        const memberShape = shape.members[name];
        if (!memberShape) problems.push(`${path}.${name}: not a member of the input`);
        else if (member !== undefined && member !== null) problems.push(...shapeViolations(memberShape, member, `${path}.${name}`));
      }
      return problems;
    }
  }
}
