import { ArtifactStore, GetPipelineCommand, PipelineDeclaration } from '@aws-sdk/client-codepipeline';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { CodePipelineApi, KmsFactory } from './clients';
import { DecryptAccess, KeyPolicyParseError, decryptAccess, parseKeyPolicy } from './key-policy';
import { OperationFailed } from './target';

/** One artifact key, as verify-keys found it. */
export interface KeyReport {
  readonly region: string;
  /** The key as the artifact store names it. */
  readonly configured: string;
  readonly keyArn?: string;
  readonly rotationEnabled?: boolean;
  /** Why the key cannot serve cross-account actions at all, if so. */
  readonly problem?: string;
}

/** One cross-account action role and whether the key policy lets its account decrypt. */
export interface RoleReport {
  readonly roleArn: string;
  readonly account: string;
  readonly region: string;
  /** `Stage/Action` of every action that assumes this role. */
  readonly actions: string[];
  readonly access: DecryptAccess;
  /** Set when the role cannot decrypt: what is wrong and how to fix it. */
  readonly problem?: string;
}

export interface VerifyKeysReport {
  readonly pipeline: string;
  readonly account: string;
  readonly keys: KeyReport[];
  readonly roles: RoleReport[];
  /** True when every cross-account role can decrypt the artifacts. */
  readonly ok: boolean;
}

/**
 * Reads the pipeline (GetPipeline), each artifact key (DescribeKey, GetKeyPolicy, GetKeyRotationStatus)
 * and reports every cross-account action role whose account the key policy does not let decrypt.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 */
export async function verifyKeys(client: CodePipelineApi, kmsFor: KmsFactory, pipeline: string): Promise<VerifyKeysReport> {
  const result = await client.send(new GetPipelineCommand({ name: pipeline }));
  const declaration = result.pipeline;
  const arn = result.metadata?.pipelineArn;
  if (!declaration || !arn) throw new OperationFailed(`pipeline "${pipeline}": GetPipeline returned no pipeline or ARN`);
  const [, , , pipelineRegion, account] = arn.split(':');
  const roles = crossAccountRoles(declaration, account, pipelineRegion);
  const stores = artifactStores(declaration, pipelineRegion);
  const keys: KeyReport[] = [];
  const reports: RoleReport[] = [];
  for (const region of [...new Set(roles.map((r) => r.region))].sort()) {
    const store = stores.get(region);
    const inRegion = roles.filter((r) => r.region === region);
    if (!store) {
      for (const role of inRegion) {
        reports.push({ ...role, access: { allowed: false }, problem: `the pipeline has no artifact store in ${region}` });
      }
      continue;
    }
    const key = await inspectKey(kmsFor, store, region);
    keys.push(key.report);
    for (const role of inRegion) {
      if (key.report.problem || !key.statements) {
        reports.push({ ...role, access: { allowed: false }, problem: key.report.problem });
        continue;
      }
      const access = decryptAccess(key.statements, role.account, role.roleArn);
      const problem = access.allowed
        ? undefined
        : access.deniedBy
          ? `the key policy denies kms:Decrypt to account ${role.account} (${access.deniedBy})`
          : `the key policy does not allow account ${role.account} to call kms:Decrypt: add arn:${role.roleArn.split(':')[1]}:iam::${role.account}:root ` +
            `(or ${role.roleArn}) as a principal of a statement allowing kms:Decrypt and kms:DescribeKey`;
      reports.push({ ...role, access, problem });
    }
  }
  return { pipeline, account, keys, roles: reports, ok: reports.every((r) => !r.problem) };
}

type RoleUse = Omit<RoleReport, 'access' | 'problem'>;

/** Action roles in accounts other than the pipeline's, grouped by role, with the Region they run in. */
function crossAccountRoles(declaration: PipelineDeclaration, account: string, pipelineRegion: string): RoleUse[] {
  const byRole = new Map<string, { account: string; region: string; actions: string[] }>();
  for (const stage of declaration.stages ?? []) {
    for (const action of stage.actions ?? []) {
      if (!action.roleArn) continue;
      const roleAccount = action.roleArn.split(':')[4];
      if (!roleAccount || roleAccount === account) continue;
      const region = action.region ?? pipelineRegion;
      const key = `${action.roleArn} ${region}`;
      const entry = byRole.get(key) ?? { account: roleAccount, region, actions: [] };
      entry.actions.push(`${stage.name}/${action.name}`);
      byRole.set(key, entry);
    }
  }
  return [...byRole.entries()].map(([key, entry]) => ({ roleArn: key.split(' ')[0], ...entry }));
}

function artifactStores(declaration: PipelineDeclaration, pipelineRegion: string): Map<string, ArtifactStore> {
  const stores = new Map<string, ArtifactStore>();
  if (declaration.artifactStore) stores.set(pipelineRegion, declaration.artifactStore);
  for (const [region, store] of Object.entries(declaration.artifactStores ?? {})) stores.set(region, store);
  return stores;
}

async function inspectKey(
  kmsFor: KmsFactory,
  store: ArtifactStore,
  storeRegion: string,
): Promise<{ report: KeyReport; statements?: ReturnType<typeof parseKeyPolicy> }> {
  const configured = store.encryptionKey?.id;
  if (!configured) {
    return {
      report: {
        region: storeRegion,
        configured: 'aws/s3 (AWS managed key)',
        problem: `the artifact store in ${storeRegion} uses the AWS managed key aws/s3, which other accounts cannot use: ` +
          'encrypt it with a customer managed KMS key',
      },
    };
  }
  if (/^alias\/|:alias\//.test(configured)) {
    return {
      report: {
        region: storeRegion,
        configured,
        problem: `the artifact store in ${storeRegion} names its key by alias (${configured}); other accounts resolve ` +
          'aliases in their own account: use the key ARN',
      },
    };
  }
  const keyRegion = configured.startsWith('arn:') ? configured.split(':')[3] : storeRegion;
  const kms = kmsFor(keyRegion);
  const described = await kms.send(new DescribeKeyCommand({ KeyId: configured }));
  const metadata = described.KeyMetadata;
  const keyArn = metadata?.Arn ?? configured;
  if (metadata?.KeyManager === 'AWS') {
    return {
      report: {
        region: storeRegion,
        configured,
        keyArn,
        problem: `the artifact key ${keyArn} is an AWS managed key, whose policy cannot be changed: use a customer managed key`,
      },
    };
  }
  if (metadata?.KeyState && metadata.KeyState !== 'Enabled') {
    return {
      report: { region: storeRegion, configured, keyArn, problem: `the artifact key ${keyArn} is ${metadata.KeyState}, not Enabled` },
    };
  }
  const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }));
  const rotation = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyArn }));
  const report = { region: storeRegion, configured, keyArn, rotationEnabled: rotation.KeyRotationEnabled };
  try {
    return { report, statements: parseKeyPolicy(policy.Policy ?? '') };
  } catch (error) {
    if (!(error instanceof KeyPolicyParseError)) throw error;
    return { report: { ...report, problem: `the policy of ${keyArn} cannot be read: ${error.message}` } };
  }
}
