import { loadPipelineBranches, PipelineInputError } from '../../model/load-file';
import { PipelineBranches } from '../../model/template-branches';
import { QuotaProfileName } from '../../quotas';
import { Finding, formatFinding } from '../../rules/finding';
import { validateBranches } from '../../validate-template';
import { forTerminal } from '../../output';
import { CliIo, ExitCode, UsageError } from '../io';

export interface ValidateOptions {
  readonly json?: boolean;
  readonly quotas?: QuotaProfileName;
}

/**
 * `pipectl validate FILE...`: runs every rule on every pipeline in the files.
 * Exit 0 when no finding is an error, 1 when any is, 2 when a file cannot be read as a pipeline.
 */
export async function validateCommand(files: readonly string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const pipelines: PipelineBranches[] = [];
  for (const file of files) {
    try {
      // A loop, not push(...list): a spread of some 100,000 pipelines would throw.
      for (const pipeline of loadPipelineBranches(file)) pipelines.push(pipeline);
    } catch (error) {
      if (error instanceof PipelineInputError) throw new UsageError(error.message);
      throw error;
    }
  }
  const findings = pipelines.flatMap((pipeline) => validateBranches(pipeline, { quotas: { profile: options.quotas } }));
  const errors = findings.filter((f) => f.severity === 'error').length;

  if (options.json) {
    io.out(JSON.stringify(findings, undefined, 2));
  } else {
    // A file, pipeline, stage or action name can hold control characters: each line is escaped whole.
    for (const finding of findings) io.out(forTerminal(`${finding.file ?? '-'}: ${formatFinding(finding)}`));
    io.out(summary(findings, pipelines.length, files.length));
  }
  return errors > 0 ? ExitCode.FAILED : ExitCode.OK;
}

function summary(findings: readonly Finding[], pipelines: number, files: number): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(pipelines, 'pipeline')} (${plural(files, 'file')}).`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
