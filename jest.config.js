// @ts-check
/** Three levels, one runner: `*.unit.spec.ts` need nothing; `*.int.spec.ts` and `*.e2e.spec.ts`
 * need the real PostgreSQL and NATS that `infra/scripts/test.js` brings up before jest starts. */
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // `@keyward/<lib>` is the lib's index; `@keyward/<lib>/<entry>` one of its other entry points (package.json `exports`).
  moduleNameMapper: {
    // Test fixtures a lib shares with the specs of the app that uses it; never in a build.
    '^@keyward/key-index/testing$': '<rootDir>/libs/key-index/src/testing/verifier-events.ts',
    '^@keyward/consistency/testing$': '<rootDir>/libs/consistency/src/testing/memory-shared-count.store.ts',
    '^@keyward/([^/]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@keyward/([^/]+)/([^/]+)$': '<rootDir>/libs/$1/src/$2.ts',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/libs/testing/src/worker-infra.setup.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['**/*.int.spec.ts'], slowTestThreshold: 20 },
    { ...shared, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'], slowTestThreshold: 60, setupFilesAfterEnv: ['<rootDir>/apps/keyward-e2e/src/support/openapi-conformance.setup.ts'] },
  ],
};
