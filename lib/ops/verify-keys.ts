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
  /** True when every cross-account role can decrypt the artifacts, and every key read can be used. */
  readonly ok: boolean;
}

/**
 * Reads the pipeline (GetPipeline), each artifact key (DescribeKey, GetKeyPolicy, GetKeyRotationStatus)
 * and reports every cross-account action role whose account the key policy does not let decrypt.
 * A pipeline with per-region stores (`artifactStores`) has each region's key read with a KMS client of
 * that region, whether or not a cross-account action runs there; a key named by alias ARN (as the
 * stores of other regions are) is resolved to its key by DescribeKey in its region.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 */
export async function verifyKeys(client: CodePipelineApi, kmsFor: KmsFactory, pipeline: string): Promise<VerifyKeysReport> {
  const result = await client.send(new GetPipelineCommand({ name: pipeline }));
  const declaration = result.pipeline;
  const arn = result.metadata?.pipelineArn;
  if (!declaration || !arn) throw new OperationFailed(`pipeline "${pipeline}": GetPipeline returned no pipeline or ARN`);
  const [, , , pipelineRegion, account] = arn.split(':');
  const roles = crossAccountRoles(declaration, account, pipelineRegion);
  const stores = artifactStores(declaration, pipelineRegion);
  const roleRegions = new Set(roles.map((r) => r.region));
  // A single store is read for the cross-account roles; per-region stores are read, each, always.
  const regions = declaration.artifactStores ? new Set([...stores.keys(), ...roleRegions]) : roleRegions;
  const clients = new Map<string, ReturnType<KmsFactory>>();
  const kmsIn = (region: string) => {
    let kms = clients.get(region);
    if (!kms) clients.set(region, (kms = kmsFor(region)));
    return kms;
  };
  const keys: KeyReport[] = [];
  const reports: RoleReport[] = [];
  for (const region of [...regions].sort()) {
    const store = stores.get(region);
    const inRegion = roles.filter((r) => r.region === region);
    if (!store) {
      for (const role of inRegion) {
        reports.push({ ...role, access: { allowed: false }, problem: `the pipeline has no artifact store in ${region}` });
      }
      continue;
    }
    const key = await inspectKey(kmsIn, store, region, inRegion.length > 0);
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
  return { pipeline, account, keys, roles: reports, ok: reports.every((r) => !r.problem) && keys.every((k) => !k.problem) };
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

/**
 * One store's key. What only stops other accounts (the AWS managed key, a key named by alias name) is
 * a problem only when a cross-account role uses the store (`crossAccount`); a key that is not enabled
 * is one always.
 */
async function inspectKey(
  kmsIn: (region: string) => ReturnType<KmsFactory>,
  store: ArtifactStore,
  storeRegion: string,
  crossAccount: boolean,
): Promise<{ report: KeyReport; statements?: ReturnType<typeof parseKeyPolicy> }> {
  const configured = store.encryptionKey?.id;
  if (!configured) {
    return {
      report: {
        region: storeRegion,
        configured: 'aws/s3 (AWS managed key)',
        problem: crossAccount
          ? `the artifact store in ${storeRegion} uses the AWS managed key aws/s3, which other accounts cannot use: ` +
            'encrypt it with a customer managed KMS key'
          : undefined,
      },
    };
  }
  if (configured.startsWith('alias/')) {
    return {
      report: {
        region: storeRegion,
        configured,
        problem: crossAccount
          ? `the artifact store in ${storeRegion} names its key by alias (${configured}); other accounts resolve ` +
            'aliases in their own account: use the key ARN or the alias ARN'
          : undefined,
      },
    };
  }
  // A key or alias ARN names its region; a key ID is the store's region's.
  const keyRegion = configured.startsWith('arn:') ? configured.split(':')[3] : storeRegion;
  const kms = kmsIn(keyRegion);
  const described = await kms.send(new DescribeKeyCommand({ KeyId: configured }));
  const metadata = described.KeyMetadata;
  const keyArn = metadata?.Arn ?? configured;
  if (metadata?.KeyManager === 'AWS') {
    return {
      report: {
        region: storeRegion,
        configured,
        keyArn,
        problem: crossAccount ? `the artifact key ${keyArn} is an AWS managed key, whose policy cannot be changed: use a customer managed key` : undefined,
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
