import { Command } from 'commander';
import { CliError } from './cli.error';
import { ExitCodes } from './exit-codes';
import { runCli } from './run-cli';

/** A program whose one subcommand does what the test says; commander's own output is captured. */
const program = (action: () => Promise<void>): { program: Command; printed: string[] } => {
  const printed: string[] = [];
  const sub = new Command('do').option('--n <n>').action(action);
  const root = new Command('keyward').option('--json').addCommand(sub);
  for (const c of [root, sub]) c.configureOutput({ writeOut: (s) => printed.push(s), writeErr: (s) => printed.push(s) });
  return { program: root, printed };
};
const argv = (...args: string[]): string[] => ['node', 'keyward', ...args];

describe('runCli', () => {
  it('exits 0 on success and on --help of any command', async () => {
    expect(await runCli(program(async () => undefined).program, argv('do'), { write: () => true })).toBe(ExitCodes.ok);
    const help = program(async () => undefined);
    expect(await runCli(help.program, argv('do', '--help'), { write: () => true })).toBe(ExitCodes.ok);
    expect(help.printed.join('')).toMatch(/Usage: keyward do/);
  });

  it('exits 2 on a bad command line', async () => {
    expect(await runCli(program(async () => undefined).program, argv('do', '--bogus'), { write: () => true })).toBe(ExitCodes.usage);
    expect(await runCli(program(async () => undefined).program, argv('nothing-like-it'), { write: () => true })).toBe(ExitCodes.usage);
  });

  it("reports a failure as one line on stderr with the failure's exit code", async () => {
    const lines: string[] = [];
    const stderr = { write: (s: string): boolean => lines.push(s) > 0 };
    const failing = program(async () => {
      throw CliError.unavailable('the gateway\nis down');
    });
    expect(await runCli(failing.program, argv('do'), stderr)).toBe(ExitCodes.unavailable);
    expect(lines).toEqual(['keyward: unavailable, retry: the gateway is down\n']);
    const crashing = program(async () => {
      throw new Error('boom');
    });
    expect(await runCli(crashing.program, argv('do'), stderr)).toBe(ExitCodes.failed);
    expect(lines.at(-1)).toBe('keyward: boom\n');
  });
});
