import * as fs from 'fs';
import { pipelineMarkdown } from '../../diagram/mermaid';
import { pipelineTitle } from '../../diagram/layout';
import { pipelineSvg } from '../../diagram/svg';
import { PipelineInputError, loadPipelineFile } from '../../model/load-file';
import { PipelineModel } from '../../model/pipeline-model';
import { forTerminal } from '../../output';
import { CliIo, ExitCode, UsageError } from '../io';

export interface DiagramOptions {
  /** `svg` (default) or `mermaid` (a Markdown document with a Mermaid flowchart per pipeline). */
  readonly format?: string;
  /** Write here instead of stdout. */
  readonly out?: string;
  /** Which pipeline of a template with several (its name, or its logical ID). */
  readonly pipeline?: string;
}

/** `pipectl diagram FILE`: draws the pipelines of a template or get-pipeline JSON. */
export async function diagramCommand(file: string, options: DiagramOptions, io: CliIo): Promise<number> {
  const format = options.format ?? 'svg';
  if (format !== 'svg' && format !== 'mermaid') {
    throw new UsageError(`--format must be svg or mermaid, got "${format}".`);
  }
  const pipelines = choose(load(file), options.pipeline, file);
  let output: string;
  if (format === 'mermaid') {
    output = pipelineMarkdown(pipelines);
  } else {
    if (pipelines.length > 1) {
      throw new UsageError(
        `${file} has ${pipelines.length} pipelines (${pipelines.map(nameOf).join(', ')}); an SVG shows one: choose it with --pipeline NAME, or use --format mermaid.`,
      );
    }
    output = pipelineSvg(pipelines[0]);
  }
  if (options.out === undefined) {
    io.out(output);
    return ExitCode.OK;
  }
  try {
    fs.writeFileSync(options.out, output);
  } catch (error) {
    throw new UsageError(`cannot write ${options.out} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  io.err(forTerminal(`wrote ${options.out}`));
  return ExitCode.OK;
}

function load(file: string): PipelineModel[] {
  try {
    return loadPipelineFile(file);
  } catch (error) {
    if (error instanceof PipelineInputError) throw new UsageError(error.message);
    throw error;
  }
}

function choose(pipelines: PipelineModel[], wanted: string | undefined, file: string): PipelineModel[] {
  if (wanted === undefined) return pipelines;
  const chosen = pipelines.filter((p) => nameOf(p) === wanted || p.origin.logicalId === wanted);
  if (chosen.length === 0) {
    throw new UsageError(`${file} has no pipeline named "${wanted}"; it has: ${pipelines.map(nameOf).join(', ')}.`);
  }
  return chosen;
}

/** The pipeline's name, or for a template resource without one, its logical ID. */
function nameOf(pipeline: PipelineModel): string {
  return pipeline.nameIsGenerated ? (pipeline.origin.logicalId ?? pipelineTitle(pipeline)) : pipelineTitle(pipeline);
}
