import { MultiRegionVariant } from './multi-region';

/** A multi-region variant by name, loaded on demand so a measured process loads only its own modules. */
export interface MultiRegionEntry {
  readonly title: string;
  load(): MultiRegionVariant;
}

/** The measured ways to write the wave. */
export const MULTI_REGION_VARIANTS: Record<string, MultiRegionEntry> = {
  'library': { title: 'cdk-delivery-pipelines', load: () => (require('./multi-region-library') as typeof import('./multi-region-library')).multiRegionLibrary },
  'l2': { title: 'aws-cdk-lib L2 (cross-region support stacks)', load: () => (require('./multi-region-l2') as typeof import('./multi-region-l2')).multiRegionL2 },
  'cdk-pipelines': { title: 'CDK Pipelines', load: () => (require('./multi-region-cdk-pipelines') as typeof import('./multi-region-cdk-pipelines')).multiRegionCdkPipelines },
};
