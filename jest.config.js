/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // npm test type-checks once with tsc; with isolatedModules in tsconfig.json, ts-jest only transpiles.
    '^.+\\.ts$': 'ts-jest',
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60000,
};
