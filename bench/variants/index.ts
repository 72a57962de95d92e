import { Variant } from './variant';

/** A variant by name, loaded on demand. */
export interface VariantEntry {
  /** The variant's name in the results. */
  readonly title: string;
  /** Loads the variant's module, and with it only the modules that variant uses. */
  load(): Variant;
}

/**
 * The measured variants. Each loads only its own module, so a measured process never pays for
 * modules another variant imports (this library's code in the aws-cdk-lib variants, or the reverse).
 */
export const VARIANTS: Record<string, VariantEntry> = {
  'library': { title: 'cdk-delivery-pipelines', load: () => (require('./library') as typeof import('./library')).library },
  'l2': { title: 'hand-written L2', load: () => (require('./hand-written-l2') as typeof import('./hand-written-l2')).handWrittenL2 },
  'cdk-pipelines': { title: 'CDK Pipelines', load: () => (require('./cdk-pipelines') as typeof import('./cdk-pipelines')).cdkPipelines },
};
