import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);

jest.setTimeout(60_000);

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

/** Lints one import as if it were written in `file` (nothing is written to the tree). */
const lintImport = (file: string, specifier: string): LintMessage[] => {
  const code = `import * as probe from '${specifier}';\nexport const used = probe;\n`;
  const result = spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [report] = JSON.parse(result.stdout) as [{ messages: LintMessage[] }];
  return report.messages;
};

const ruleIds = (messages: readonly LintMessage[]): (string | null)[] => messages.map((m) => m.ruleId);

/** The module boundaries of eslint.config.mjs: the cases they exist for. */
describe('lint enforces the module boundaries', () => {
  beforeAll(() => {
    // The boundary rule reads Nx's project graph.
    const graph = spawnSync(bin('nx'), ['show', 'projects'], { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' }, encoding: 'utf8' });
    expect(graph.status).toBe(0);
  });

  it.each([
    ['the verifier reaching the read models', 'apps/verifier/src/probe.ts', '@keyward/read-models', '@nx/enforce-module-boundaries'],
    ['the verifier loading the read models through the platform', 'apps/verifier/src/probe.ts', '@keyward/platform/read-models', 'no-restricted-imports'],
    ['a service loading an event store adapter itself', 'apps/key-command/src/probe.ts', '@keyward/event-store/postgres', 'no-restricted-imports'],
    ['production code using test helpers', 'apps/gateway/src/probe.ts', '@keyward/testing', '@nx/enforce-module-boundaries'],
    ['the client kit reaching a service lib', 'libs/client/src/probe.ts', '@keyward/event-store', '@nx/enforce-module-boundaries'],
    ['the domain reaching configuration', 'libs/domain/src/probe.ts', '@keyward/config', '@nx/enforce-module-boundaries'],
  ])('refuses %s', (_, file, specifier, rule) => {
    expect(ruleIds(lintImport(file, specifier))).toContain(rule);
  });

  it.each([
    ['a test using test helpers', 'apps/gateway/src/probe.unit.spec.ts', '@keyward/testing'],
    ['the client kit using the key format', 'libs/client/src/probe.ts', '@keyward/domain/formats'],
    ['the gateway using the read models', 'apps/gateway/src/probe.ts', '@keyward/platform/read-models'],
    ['the verifier spending credits', 'apps/verifier/src/probe.ts', '@keyward/credits'],
    ['the gateway reading live credit balances', 'apps/gateway/src/probe.ts', '@keyward/credits'],
  ])('allows %s', (_, file, specifier) => {
    expect(lintImport(file, specifier)).toEqual([]);
  });
});
