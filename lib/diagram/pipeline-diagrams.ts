import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ISynthesisSession, Stack, Stage, attachCustomSynthesis } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { Construct, IConstruct } from 'constructs';
import { modelForSynthesis } from '../model/synth-models';
import { pipelineMarkdown } from './mermaid';
import { pipelineSvg } from './svg';

/** Context key that turns the diagrams off for the whole app, e.g. `cdk synth -c ...=false` in CI. */
export const PIPELINE_DIAGRAMS_CONTEXT = 'cdk-delivery-pipelines:pipelineDiagrams';

const CONSTRUCT_ID = 'PipelineDiagrams';
/** Marks our construct across copies of this library, as aws-cdk-lib marks its own (`X.isX()`). */
const PIPELINE_DIAGRAMS_BRAND = Symbol.for('cdk-delivery-pipelines.PipelineDiagrams');

function isPipelineDiagrams(construct: IConstruct): construct is PipelineDiagrams {
  return (construct as unknown as Record<symbol, unknown>)[PIPELINE_DIAGRAMS_BRAND] === true;
}

/**
 * Writes a diagram of every CodePipeline pipeline under a scope into the cloud assembly, beside the
 * templates: `<stack artifact id>.<pipeline id>.pipeline.svg` (an image, like the console's view) and
 * `<stack artifact id>.<pipeline id>.pipeline.md` (a Mermaid flowchart). The pipeline id is the
 * construct path below the stack, `/` written as `-` (the L2 `Pipeline`'s id, for `Stack/Pipeline`);
 * a name over 255 bytes is cut and ends in a short hash (see {@link diagramBaseName}).
 *
 * Works for any `AWS::CodePipeline::Pipeline` in the tree: aws-cdk-lib's `Pipeline`, a `CfnPipeline`,
 * and pipelines inside nested `Stage`s (their files go into the stage's own assembly directory).
 * Rendering needs no browser or network, and costs a few milliseconds per pipeline.
 *
 * Turn it off for a whole app with the context value `cdk-delivery-pipelines:pipelineDiagrams=false`.
 *
 * @example
 * const app = new App();
 * new MyPipelineStack(app, 'Delivery');
 * PipelineDiagrams.enable(app); // cdk.out/Delivery.Pipeline.pipeline.svg and .md
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts.html
 */
export class PipelineDiagrams extends Construct {
  /**
   * Writes diagrams for every pipeline under `scope` at synth. Calling it again for the same scope,
   * or for a scope inside one that already has diagrams, writes each file once.
   */
  public static enable(scope: IConstruct): PipelineDiagrams {
    const existing = scope.node.tryFindChild(CONSTRUCT_ID);
    if (existing !== undefined && isPipelineDiagrams(existing)) return existing;
    return new PipelineDiagrams(scope, CONSTRUCT_ID);
  }

  private constructor(scope: IConstruct, id: string) {
    super(scope as Construct, id);
    Object.defineProperty(this, PIPELINE_DIAGRAMS_BRAND, { value: true });
    attachCustomSynthesis(this, { onSynthesize: (session) => this.writeDiagrams(session) });
  }

  private writeDiagrams(session: ISynthesisSession): void {
    if (String(this.node.tryGetContext(PIPELINE_DIAGRAMS_CONTEXT)) === 'false') return;
    const scope = this.node.scope!;
    if (coveredByAncestor(scope)) return;
    const ownStage = Stage.of(this);
    for (const construct of scope.node.findAll()) {
      if (!CfnPipeline.isCfnPipeline(construct)) continue;
      const stage = Stage.of(construct);
      // A nested stage has synthesized into its own directory before this runs.
      const outdir = stage === ownStage || !stage ? session.outdir : stage.outdir;
      const base = path.join(outdir, diagramBaseName(construct));
      const model = modelForSynthesis(construct);
      fs.writeFileSync(`${base}.svg`, pipelineSvg(model));
      fs.writeFileSync(`${base}.md`, pipelineMarkdown([model]));
    }
  }
}

/** The longest file name common file systems take (ext4, APFS, NTFS), in bytes of UTF-8. */
const MAX_FILE_NAME_BYTES = 255;
/** The longest extension the base name gets. */
const LONGEST_EXTENSION = '.svg';
const PIPELINE_SUFFIX = '.pipeline';

/**
 * `<stack artifact id>.<path below the stack>.pipeline`, e.g. `Delivery.Pipeline.pipeline`: the path's
 * `/` (and `\`, a separator on Windows) written as `-`. A name that would be longer than a file
 * system allows (deeply nested constructs with long ids) is cut, and ends in `~` and 8 hex digits of
 * a SHA-256 of the whole name, so that it stays unique and the same from one synth to the next.
 */
export function diagramBaseName(pipeline: CfnPipeline): string {
  let stack = Stack.of(pipeline);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  const below = pipeline.node.scopes.slice(stack.node.scopes.length).map((c) => c.node.id);
  if (below.length > 1 && below[below.length - 1] === 'Resource') below.pop();
  return fitFileName(`${stack.artifactId}.${below.join('-').replace(/\\/g, '-')}`) + PIPELINE_SUFFIX;
}

/** The name, or when it and the suffixes would pass the limit, its start and a hash of all of it. */
function fitFileName(name: string): string {
  const budget = MAX_FILE_NAME_BYTES - Buffer.byteLength(PIPELINE_SUFFIX + LONGEST_EXTENSION);
  if (Buffer.byteLength(name) <= budget) return name;
  const hash = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  let kept = '';
  let bytes = Buffer.byteLength(hash);
  // Whole characters only: a multi-byte character is never cut in half.
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > budget) break;
    kept += char;
  }
  return kept + hash;
}

function coveredByAncestor(scope: IConstruct): boolean {
  for (let s = scope.node.scope; s; s = s.node.scope) {
    const child = s.node.tryFindChild(CONSTRUCT_ID);
    if (child !== undefined && isPipelineDiagrams(child)) return true;
  }
  return false;
}
