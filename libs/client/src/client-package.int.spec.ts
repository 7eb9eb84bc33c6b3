import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

jest.setTimeout(60_000);

interface Manifest {
  readonly name: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
const declared = (m: Manifest): string[] => [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.peerDependencies ?? {})];

const run = (command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
};

/**
 * `@keyward/client` as a downstream service installs it: `npm pack` of the built packages, unpacked
 * into a folder of its own that holds nothing but them and the client's declared peers, then
 * required by Node and type-checked by tsc there. A require of anything undeclared, or a type
 * that reaches into this repository, fails here.
 */
describe('the @keyward/client package', () => {
  const consumer = mkdtempSync(path.join(os.tmpdir(), 'keyward-client-consumer-'));
  const modules = path.join(consumer, 'node_modules');

  /** Packs a package of this repository and unpacks it into the consumer, then the ones it declares. */
  const install = (name: string, installed: Set<string>): void => {
    if (installed.has(name)) return;
    installed.add(name);
    const dir = path.join(ROOT, 'libs', name.replace('@keyward/', ''));
    if (!existsSync(path.join(dir, 'dist', 'index.js'))) throw new Error(`${name} is not built: run npm run build first`);
    const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', consumer], dir).stdout) as [{ filename: string }];
    mkdirSync(path.join(modules, name), { recursive: true });
    run('tar', ['-xzf', path.join(consumer, filename), '-C', path.join(modules, name), '--strip-components=1'], consumer);
    for (const dependency of declared(manifestOf(path.join(modules, name)))) {
      if (dependency.startsWith('@keyward/')) install(dependency, installed);
      else installed.add(dependency);
    }
  };

  beforeAll(() => {
    const installed = new Set<string>();
    install('@keyward/client', installed);
    // Declared third-party packages (the client's peers), and Node's types for tsc, as the service has them.
    for (const name of [...installed].filter((n) => !n.startsWith('@keyward/')).concat('@types/node')) {
      mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name), 'dir');
    }
  });

  afterAll(() => rmSync(consumer, { recursive: true, force: true }));

  it('declares the packages of this repository it uses, and its peers', () => {
    expect(declared(manifestOf(path.join(modules, '@keyward/client'))).sort()).toEqual(
      ['@keyward/contracts', '@keyward/domain', '@nestjs/common', '@nestjs/core', 'nats', 'reflect-metadata'].sort(),
    );
  });

  it('ships its compiled code and types, not its sources, tests or build state', () => {
    const files = run('find', ['@keyward', '-type', 'f'], modules).stdout.trim().split('\n');
    expect(files).toContain('@keyward/client/dist/index.d.ts');
    expect(files).toContain('@keyward/domain/dist/formats.d.ts');
    expect(files.filter((f) => /\/src\/|\.spec\.|tsbuildinfo|\/testing\//.test(f))).toEqual([]);
  });

  it('loads with nothing but its declared dependencies installed', () => {
    const script = "const c = require('@keyward/client'); console.log([typeof c.VerifyClient, typeof c.KeywardModule, typeof c.RequireKey].join(' '))";
    expect(run(process.execPath, ['-e', script], consumer).stdout.trim()).toBe('function function function');
  });

  it('type-checks a service that uses it', () => {
    writeFileSync(
      path.join(consumer, 'service.ts'),
      [
        "import { KeyPrincipal, RequireKey, VerifyClient, verifiedKeyOf, type VerifiedKey } from '@keyward/client';",
        'export const check = async (client: VerifyClient, key: string): Promise<VerifiedKey | undefined> =>',
        "  verifiedKeyOf(await client.verify(key, 'calls:read'));",
        'export const decorators = [KeyPrincipal, RequireKey];',
      ].join('\n'),
    );
    const options = ['--noEmit', '--strict', '--module', 'commonjs', '--moduleResolution', 'node10', '--target', 'es2022', '--experimentalDecorators', '--types', 'node'];
    run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), [...options, 'service.ts'], consumer);
  });
});
