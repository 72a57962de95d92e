import * as fs from 'fs';
import { parseCloudFormationYaml } from './cloudformation-yaml';
import { decodeText } from './decode-text';
import { pipelinesFromTemplate } from './from-cloudformation';
import { modelFromDeclaration } from './from-declaration';
import { PipelineInputError } from './input-error';
import { PipelineModel } from './pipeline-model';
import { isRecord, kindOf } from './read-parts';
import { PipelineBranches, pipelineBranchesFromTemplate, singleBranch } from './template-branches';
import { accountOfArn } from './values';

export { PipelineInputError } from './input-error';

const EXPECTED = 'expected a CloudFormation template, get-pipeline output or a pipeline declaration';

/**
 * Reads a CloudFormation template (JSON or YAML), `aws codepipeline get-pipeline` output, or a bare
 * pipeline declaration, and returns its pipelines as models. UTF-8 and UTF-16 (with its byte order
 * mark) are read alike.
 */
export function loadPipelineFile(file: string): PipelineModel[] {
  return pipelinesFromDocument(readDocument(file), file);
}

/**
 * Reads a file as {@link loadPipelineFile} does, and gives each pipeline with the models of the
 * combinations of condition values its template's `Fn::If` choose between (see
 * `pipelineBranchesFromTemplate`); a pipeline of get-pipeline output or a declaration is one model.
 */
export function loadPipelineBranches(file: string): PipelineBranches[] {
  const document = readDocument(file);
  if (isRecord(document) && 'Resources' in document) {
    const pipelines = pipelineBranchesFromTemplate(document, { file });
    if (pipelines.length > 0) return pipelines;
  }
  return pipelinesFromDocument(document, file).map(singleBranch);
}

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = decodeText(fs.readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PipelineInputError(`${file}: cannot read the file (${code ?? String(error)}).`);
  }
  return parseDocument(text, file);
}

/** Picks the adapter by the document's shape. */
export function pipelinesFromDocument(document: unknown, file?: string): PipelineModel[] {
  const where = file ?? 'input';
  if (document === undefined) throw new PipelineInputError(`${where}: the file is empty; ${EXPECTED}.`);
  if (document === null) throw new PipelineInputError(`${where}: the document is null; ${EXPECTED}.`);
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new PipelineInputError(`${where}: the document is ${kindOf(document)}; ${EXPECTED}.`);
  }
  const record = document as Record<string, unknown>;
  if ('Resources' in record) {
    const pipelines = pipelinesFromTemplate(record, { file });
    if (pipelines.length === 0) {
      throw new PipelineInputError(`${where}: the template has no AWS::CodePipeline::Pipeline resource.`);
    }
    return pipelines;
  }
  const declaration = 'pipeline' in record ? record.pipeline : record;
  if (typeof declaration !== 'object' || declaration === null || !('stages' in declaration)) {
    throw new PipelineInputError(
      `${where}: not a pipeline: expected a CloudFormation template with Resources, get-pipeline output with "pipeline", or a declaration with "name" and "stages".`,
    );
  }
  const decl = declaration as Record<string, unknown>;
  // get-pipeline's metadata names the pipeline's own ARN: its region and account.
  const pipelineArn = (record.metadata as { pipelineArn?: unknown } | undefined)?.pipelineArn;
  const [, , , region, account] = typeof pipelineArn === 'string' ? pipelineArn.split(':') : [];
  const roleArn = typeof decl.roleArn === 'string' ? decl.roleArn : undefined;
  return [modelFromDeclaration(decl, { account: account || accountOfArn(roleArn), region: region || undefined }, { file })];
}

/** The document in the text; undefined when the text holds none (empty, or only comments). */
function parseDocument(text: string, file: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new PipelineInputError(`${file}: invalid JSON: ${(error as Error).message}.`);
    }
  }
  return parseCloudFormationYaml(text, file);
}
