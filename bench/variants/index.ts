import { cdkPipelines } from './cdk-pipelines';
import { handWrittenL2 } from './hand-written-l2';
import { library } from './library';
import { Variant } from './variant';

export const VARIANTS: Record<string, Variant> = {
  library,
  l2: handWrittenL2,
  'cdk-pipelines': cdkPipelines,
};
