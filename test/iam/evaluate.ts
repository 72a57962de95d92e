import { getDenialReasons, runSimulation } from '@cloud-copilot/iam-simulate';
import { PolicyDocument, PolicyWorld, roleArnOf } from './policy-world';

/**
 * One request as AWS authorizes it: who calls (a role, one of its sessions, or a service principal
 * such as `cloudformation.amazonaws.com`), the action, the resource's ARN, the region the request is
 * sent to, and the condition keys the service sends with it beyond those filled here.
 */
export interface Request {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The region the request is sent to (`aws:RequestedRegion`). @default - the resource's region */
  readonly region?: string;
  readonly context?: Record<string, string | string[]>;
  /**
   * The identity policies of a caller the app does not define (e.g. another role of the account).
   * @default - the caller's role in the app
   */
  readonly identityPolicies?: Array<{ name: string; policy: PolicyDocument }>;
}

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

export interface Evaluation {
  readonly decision: Decision;
  /** The policies IAM evaluated: the caller's identity policies and the resource's policy, if any. */
  readonly resourcePolicy: string;
  /** Why a denied request was denied, as iam-simulate reports it. */
  readonly reasons: string;
}

/**
 * Evaluates `request` with @cloud-copilot/iam-simulate as AWS would: the caller's identity policies
 * from its role, and the resource policy of the resource in the resource's account (the bucket policy
 * of an S3 bucket or object, the key policy of a KMS key named by key or alias ARN, the trust policy of
 * a role for `sts:AssumeRole`, the topic policy of an SNS topic). Across accounts both must allow; a
 * key policy's statement for its account root delegates to IAM in that account.
 */
export async function evaluate(world: PolicyWorld, request: Request): Promise<Evaluation> {
  const isService = /^[a-z0-9.-]+\.amazonaws\.com$/.test(request.principal);
  const outsider = request.identityPolicies !== undefined;
  const role = isService || outsider ? undefined : world.role(request.principal);
  const callerArn = roleArnOf(request.principal);
  const { account: resourceAccount, region: resourceRegion, policy, resource, context, what } = resourceOf(world, request);
  const contextVariables: Record<string, string | string[]> = {
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': request.region ?? resourceRegion ?? 'us-east-1',
    ...(isService ? { 'aws:PrincipalServiceName': request.principal } : { 'aws:PrincipalArn': callerArn, 'aws:PrincipalAccount': callerArn.split(':')[4] }),
    ...context,
    ...request.context,
  };
  const response = await runSimulation({
    request: { principal: request.principal, action: request.action, resource: { resource, accountId: resourceAccount }, contextVariables },
    identityPolicies: request.identityPolicies ?? role?.identityPolicies ?? [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: policy,
  }, {});
  if (response.resultType === 'error') {
    throw new Error(`iam-simulate refused ${request.action} on ${request.resource}: ${JSON.stringify(response.errors)}`);
  }
  const decision = response.overallResult as Decision;
  if (decision !== 'Allowed' && role && role.opaqueManagedPolicies.length > 0) {
    throw new Error(`${role.arn} has managed policies whose statements are not in the app (${role.opaqueManagedPolicies.join(', ')}): a denial cannot be told`);
  }
  const reasons = decision === 'Allowed' || response.resultType !== 'single'
    ? ''
    : JSON.stringify(getDenialReasons(response.result.analysis!));
  return { decision, resourcePolicy: what, reasons };
}

interface ResolvedResource {
  readonly account: string;
  readonly region?: string;
  readonly policy?: PolicyDocument;
  /** The ARN IAM evaluates (a KMS alias ARN is evaluated as the key it points at). */
  readonly resource: string;
  /** Condition keys the service fills from the resource. */
  readonly context?: Record<string, string | string[]>;
  readonly what: string;
}

function resourceOf(world: PolicyWorld, request: Request): ResolvedResource {
  const arn = request.resource;
  const [, , service, region, account] = arn.split(':');
  if (service === 's3') {
    const bucket = world.bucket(arn.split(':')[5].split('/')[0]);
    return { account: bucket.account, region: bucket.region, policy: bucket.policy, resource: arn, what: `bucket policy of ${bucket.name}` };
  }
  if (service === 'kms') {
    const key = world.key(arn);
    return {
      account: key.account, region: key.region, policy: key.policy, resource: key.arn, what: `key policy of ${key.arn}`,
      // KMS sends the key's aliases and the caller's account with every request on a key.
      context: { 'kms:ResourceAliases': key.aliases, 'kms:CallerAccount': roleArnOf(request.principal).split(':')[4] },
    };
  }
  if (service === 'iam' && request.action.toLowerCase() === 'sts:assumerole') {
    const role = world.role(arn);
    return { account: role.account, policy: role.trustPolicy, resource: arn, what: `trust policy of ${arn}` };
  }
  if (service === 'sns') {
    return { account, region, policy: world.topicPolicies.get(arn), resource: arn, what: `topic policy of ${arn}` };
  }
  // An action that takes no resource (e.g. codepipeline:PutJobSuccessResult) is asked about `*`, in the caller's account.
  if (arn === '*') return { account: roleArnOf(request.principal).split(':')[4], resource: arn, what: 'none (the action takes no resource)' };
  return { account, region: region || undefined, resource: arn, what: 'none (no resource policy)' };
}
