export * from './release-build';
export * from './release-source';
