import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Module boundaries by Nx tags (each project.json). `type:` is the layer: apps depend on libs,
 * never on apps; a lib reaches only the layers below it. `scope:` is who may use a project:
 * - `shared`: contracts and domain, used by everything, the client kit included;
 * - `service`: what Keyward's own services share (config, event store, consistency);
 * - `platform`: the Nest wiring of every adapter; its read-models entry point is a subpath of its
 *   own (`@keyward/platform/read-models`), and loaded-drivers.e2e.spec.ts proves the verifier never loads it;
 * - `admin`: the admin path (gateway, key-command, projector, the read models);
 * - `verify`: the verify path (the verifier and its index), which must not reach the read models;
 * - `client`: the client kit a downstream service installs on its own, and the example service;
 * - `ops`, `tools`, `e2e`: the supervisor, the benchmark and the end-to-end tests.
 */
const layers = {
  'type:app': ['type:platform', 'type:data-access', 'type:domain', 'type:contracts', 'type:util'],
  'type:e2e': ['type:data-access', 'type:domain', 'type:contracts', 'type:util'],
  'type:platform': ['type:data-access', 'type:domain', 'type:contracts', 'type:util'],
  'type:data-access': ['type:data-access', 'type:domain', 'type:contracts', 'type:util'],
  'type:domain': ['type:domain', 'type:contracts'],
  'type:contracts': [],
  'type:util': ['type:util'],
  'type:testing': ['type:util', 'type:contracts'],
};
const scopes = {
  'scope:shared': ['scope:shared'],
  'scope:service': ['scope:service', 'scope:shared'],
  'scope:platform': ['scope:platform', 'scope:service', 'scope:shared', 'scope:admin'],
  'scope:admin': ['scope:admin', 'scope:platform', 'scope:service', 'scope:shared', 'scope:client'],
  'scope:verify': ['scope:verify', 'scope:platform', 'scope:service', 'scope:shared'],
  'scope:client': ['scope:client', 'scope:shared'],
  // The supervisor hands services its restart count under the name their configuration reads (type:util only).
  'scope:ops': ['scope:ops', 'scope:service'],
  // scope:admin for bench:chain, which drives the chain's follower and check (read-models) directly.
  'scope:tools': ['scope:verify', 'scope:platform', 'scope:service', 'scope:shared', 'scope:admin'],
  'scope:e2e': ['scope:client', 'scope:shared', 'scope:ops', 'scope:service'],
};

/** Test code (specs, test helpers) may also use `type:testing` libs, and the client kit as a caller would. */
const depConstraints = (tests) => [
  ...Object.entries(layers).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: tests && sourceTag !== 'type:contracts' ? [...allowed, 'type:testing'] : allowed,
  })),
  ...Object.entries(scopes).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: tests && !allowed.includes('scope:client') ? [...allowed, 'scope:client'] : allowed,
  })),
];

const moduleBoundaries = (tests) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    // The event store's adapters are imported lazily (`@keyward/event-store/postgres`, `/eventstoredb`)
    // so that a service loads only the driver it uses; its port is meant to be imported statically.
    checkDynamicDependenciesExceptions: ['@keyward/event-store'],
    depConstraints: depConstraints(tests),
  },
];

/** Benchmarks are harnesses as tests are: they start servers with the same helpers (`@keyward/testing`). */
const TEST_FILES = ['**/*.spec.ts', '**/testing/**/*.ts', 'apps/keyward-e2e/**/*.ts', 'tools/bench/**/*.ts'];

/**
 * Entry points Nx cannot tell apart from their lib's index. An adapter imported directly would load
 * its driver in every service: services get the event store from EventStoreModule, which loads only
 * the adapter configured. The verify path never loads the read models (TypeORM).
 */
const ADAPTERS = ['postgres', 'eventstoredb'].map((name) => ({
  name: `@keyward/event-store/${name}`,
  message: 'Inject EVENT_STORE (EventStoreModule): it loads only the adapter configured.',
}));
const READ_MODELS = { name: '@keyward/platform/read-models', message: 'The verify path does not read the read models (no TypeORM in the verifier).' };
const VERIFY_PATH = ['apps/verifier/**/*.ts', 'libs/key-index/**/*.ts'];
/** The verifier's index snapshots: loaded, like the adapter, only where the history is in PostgreSQL. */
const SNAPSHOT_STORE = 'apps/verifier/src/snapshot/index-snapshot.store.ts';

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**', 'apps/console/src/api/*.generated.*'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': moduleBoundaries(false),
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/event-store/**', 'libs/platform/src/create-event-store.ts', SNAPSHOT_STORE],
    rules: { 'no-restricted-imports': ['error', { paths: ADAPTERS }] },
  },
  { files: VERIFY_PATH, ignores: [SNAPSHOT_STORE], rules: { 'no-restricted-imports': ['error', { paths: [...ADAPTERS, READ_MODELS] }] } },
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': moduleBoundaries(true), 'no-restricted-imports': 'off' } },
  // The console (browser code): the TypeScript rules above, and React's rules of hooks.
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@nx/enforce-module-boundaries': moduleBoundaries(false),
    },
  },
];
