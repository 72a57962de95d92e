/**
 * `npm run test:peer-lower` sets PEER_NODE_MODULES to a node_modules holding the lowest aws-cdk-lib
 * and constructs the peer range allows: every import of either, the library's and aws-cdk-lib's own,
 * then loads that copy.
 */
const peers = process.env.PEER_NODE_MODULES;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // npm test type-checks once with tsc; with isolatedModules in tsconfig.json, ts-jest only transpiles.
    '^.+\\.ts$': 'ts-jest',
  },
  // One temp directory for the run (TMPDIR for every worker), removed at the end; see test/global-setup.ts.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  moduleNameMapper: peers ? { '^(aws-cdk-lib|constructs)(/.*)?$': `${peers}/$1$2` } : {},
  testTimeout: 60000,
  // jest's default is one worker fewer than the cores: one worker, in series, on a 2-core machine.
  maxWorkers: '100%',
};
