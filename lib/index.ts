export * from './model/pipeline-model';
export * from './quotas';
export * from './rules/rule';
export * from './rules/finding';
export * from './validate';
export * from './diagram';
export * from './testing';
export * from './checks';
