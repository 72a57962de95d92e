/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type-checking happens once in `npm run typecheck`; jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60000,
};
