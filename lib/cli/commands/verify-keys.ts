import { forTerminal, forJson } from '../../output';
import { CliIo, ExitCode, printError } from '../io';
import { AwsOptions, createCodePipelineClient, createKmsFactory } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { runOperation } from '../../ops/run-operation';
import { VerifyKeysReport, verifyKeys } from '../../ops/verify-keys';

export interface VerifyKeysOptions extends AwsOptions {
  readonly json?: boolean;
}

/**
 * `pipectl verify-keys <pipeline> [--json]`: each region's artifact key; exit 1 when a cross-account role
 * cannot decrypt, or a key cannot be used.
 */
export async function verifyKeysCommand(pipeline: string, options: VerifyKeysOptions, io: CliIo): Promise<number> {
  checkName('pipeline', pipeline);
  return runOperation(io, { pipeline }, async () => {
    const report = await verifyKeys(createCodePipelineClient(options), createKmsFactory(options), pipeline);
    io.out(options.json ? forJson(report, 2) : renderReport(report));
    if (!report.ok) {
      const missing = report.roles.filter((r) => r.problem).length;
      const unusable = report.keys.filter((k) => k.problem).map((k) => k.region);
      const problems = [
        ...(missing > 0 ? [`${missing} cross-account action role${missing === 1 ? '' : 's'} cannot decrypt the artifacts`] : []),
        ...(unusable.length > 0 ? [`the artifact key of ${unusable.join(', ')} cannot be used`] : []),
      ];
      printError(io, `pipeline "${pipeline}": ${problems.join('; ')}`);
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  });
}

/** The human report: each line composed from values of the pipeline and the key policy, then escaped. */
function renderReport(report: VerifyKeysReport): string {
  const lines = [`Pipeline ${report.pipeline} (account ${report.account})`];
  for (const key of report.keys) {
    const rotation = key.rotationEnabled === undefined ? '' : key.rotationEnabled ? ', rotation enabled' : ', rotation DISABLED';
    const byAlias = key.keyArn !== undefined && key.configured.includes(':alias/') ? ` (by ${key.configured})` : '';
    lines.push(`Artifact key in ${key.region}: ${key.keyArn ?? key.configured}${byAlias}${rotation}${key.problem ? ` — ${key.problem}` : ''}`);
  }
  if (report.roles.length === 0) lines.push('No cross-account action roles: nothing to check.');
  for (const role of report.roles) {
    const head = `${role.problem ? 'MISSING' : 'OK     '} ${role.roleArn} (account ${role.account}, ${role.region}) for ${role.actions.join(', ')}`;
    lines.push(head);
    if (role.problem) lines.push(`        ${role.problem}`);
    else {
      const conditional = role.access.conditional ? ' (under conditions pipectl does not evaluate)' : '';
      const deny = role.access.conditionallyDeniedBy ? `; Deny ${role.access.conditionallyDeniedBy} may apply under conditions pipectl does not evaluate` : '';
      lines.push(`        allowed by ${role.access.via}${conditional}${deny}`);
    }
  }
  return `${lines.map(forTerminal).join('\n')}\n`;
}
