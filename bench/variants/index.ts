import { cdkPipelines } from './cdk-pipelines';
import { handWrittenL2 } from './hand-written-l2';
import { Variant } from './variant';

export const VARIANTS: Record<string, Variant> = {
  l2: handWrittenL2,
  'cdk-pipelines': cdkPipelines,
};
