// @ts-check
/** Three levels, one runner: `*.unit.spec.ts` need nothing; `*.int.spec.ts` and `*.e2e.spec.ts`
 * need the real PostgreSQL and NATS that `infra/scripts/test.js` brings up before jest starts. */
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^@keyward/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
  rootDir: __dirname,
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
