import { loadPipelineBranches, PipelineInputError } from '../../model/load-file';
import { PipelineBranches } from '../../model/template-branches';
import { QuotaProfileName } from '../../quotas';
import { Finding, formatFinding } from '../../rules/finding';
import { validateBranches } from '../../validate-template';
import { forJson, forTerminal } from '../../output';
import { CliIo, ExitCode, printError } from '../io';

export interface ValidateOptions {
  readonly json?: boolean;
  readonly quotas?: QuotaProfileName;
}

/** What became of one file: read (with its pipelines), read but holding none, or unreadable. */
type FileOutcome =
  | { readonly kind: 'read'; readonly pipelines: readonly PipelineBranches[] }
  | { readonly kind: 'no-pipeline' | 'unreadable'; readonly message: string };

/**
 * `pipectl validate FILE...`: runs every rule on every pipeline in the files, each file on its own,
 * so that one unreadable file does not hide the findings of the others.
 *
 * Exit 2 when any file cannot be read, or when no file holds a pipeline (nothing was checked);
 * otherwise 1 when any finding is an error, else 0. A template without a pipeline among files that
 * hold some (the target stacks of `cdk.out/*.template.json`) is named on stderr and skipped.
 */
export async function validateCommand(files: readonly string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const pipelines: PipelineBranches[] = [];
  let withoutPipeline = 0;
  let unreadable = 0;
  for (const file of files) {
    const outcome = readFile(file);
    if (outcome.kind === 'read') {
      // A loop, not push(...list): a spread of some 100,000 pipelines would throw.
      for (const pipeline of outcome.pipelines) pipelines.push(pipeline);
      continue;
    }
    // On stderr, so that stdout stays the findings (a JSON array with --json) whatever the files hold.
    printError(io, outcome.message);
    if (outcome.kind === 'no-pipeline') withoutPipeline++;
    else unreadable++;
  }
  // Nothing was checked: no summary of zero pipelines that could read as a pass.
  if (pipelines.length === 0) {
    if (unreadable === 0) printError(io, `no pipeline in ${plural(files.length, 'file')}: nothing to check.`);
    return ExitCode.USAGE;
  }

  const findings = pipelines.flatMap((pipeline) => validateBranches(pipeline, { quotas: { profile: options.quotas } }));
  const errors = findings.filter((f) => f.severity === 'error').length;

  if (options.json) {
    io.out(forJson(findings, 2));
  } else {
    // A file, pipeline, stage or action name can hold control characters: each line is escaped whole.
    for (const finding of findings) io.out(forTerminal(`${finding.file ?? '-'}: ${formatFinding(finding)}`));
    io.out(summary(findings, pipelines.length, { files: files.length, withoutPipeline, unreadable }));
  }
  if (unreadable > 0) return ExitCode.USAGE;
  return errors > 0 ? ExitCode.FAILED : ExitCode.OK;
}

/** The file's pipelines, or the one line that says why it has none to check. */
function readFile(file: string): FileOutcome {
  try {
    return { kind: 'read', pipelines: loadPipelineBranches(file) };
  } catch (error) {
    if (!(error instanceof PipelineInputError)) throw error;
    if (error.message.endsWith(NO_PIPELINE_RESOURCE)) {
      return { kind: 'no-pipeline', message: `${file}: no pipeline: the template has no ${PIPELINE_TYPE} resource; skipped.` };
    }
    return { kind: 'unreadable', message: error.message };
  }
}

const PIPELINE_TYPE = 'AWS::CodePipeline::Pipeline';
/**
 * How the reader ends its message for a well-formed template without a pipeline (load-file.ts):
 * the one refusal that says nothing is wrong with the file.
 */
const NO_PIPELINE_RESOURCE = `the template has no ${PIPELINE_TYPE} resource.`;

interface FileCounts {
  readonly files: number;
  readonly withoutPipeline: number;
  readonly unreadable: number;
}

function summary(findings: readonly Finding[], pipelines: number, counts: FileCounts): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const skipped = [
    ...(counts.withoutPipeline > 0 ? [`${counts.withoutPipeline} without a pipeline`] : []),
    ...(counts.unreadable > 0 ? [`${counts.unreadable} unreadable`] : []),
  ];
  const files = [plural(counts.files, 'file'), ...skipped].join(', ');
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(pipelines, 'pipeline')} (${files}).`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
