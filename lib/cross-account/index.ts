export * from './pipeline-identity';
export * from './deployment-target';
export * from './artifact-store';
export * from './access-logs';
