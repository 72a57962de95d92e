import { Rule } from './rule';

/** Every rule, in the order findings are reported. */
export const ALL_RULES: readonly Rule[] = [];
