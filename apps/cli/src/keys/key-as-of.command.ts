import { Command } from 'commander';
import type { KeyAccessView, KeyView } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { CliError } from '../cli.error';
import { ExitCodes } from '../exit-codes';
import { fields } from '../output/table';
import { collect, instant } from '../options/option-parsers';
import { keyFields } from './key.format';
import { keyPath } from './key-path';

export interface KeyAsOf {
  readonly asOf: string;
  readonly key: KeyView;
  /** What it could do then: its roles and plan as they were, and the code a verify with `require` would have got. */
  readonly access: KeyAccessView;
}

const forPeople = (answer: KeyAsOf): string => {
  const { access } = answer;
  const list = (values: readonly string[]): string => values.join(', ') || '(none)';
  return [
    `state at ${answer.asOf}`,
    keyFields(answer.key),
    `access at ${answer.asOf}`,
    fields([
      ['verify code', access.code],
      ['required', list(access.require)],
      ['roles', list(access.roles)],
      ['permissions', list(access.permissions)],
      ['plan', access.plan],
      ['ip allowlist', list(access.ipAllowlist)],
    ]),
  ].join('\n');
};

export const keyAsOfCommand = (): Command =>
  new Command('as-of')
    .description('a key as it was at a moment, folded from its history (GET /v1/keys/:id?asOf=, and /access)')
    .argument('<id>', 'the key id')
    .argument('<time>', 'ISO 8601 time, e.g. 2026-01-31T12:00:00Z', instant)
    .option('--require <query>', 'a permission to ask verify would have granted then (repeatable: all must), e.g. calls:read; or, given once, a query with AND, OR and parentheses', collect)
    .option('--ip <address>', "the end client's address, for keys with an IP allowlist")
    .action(async (id: string, asOf: string, options: { readonly require?: readonly string[]; readonly ip?: string }, command: Command) => {
      const context = CliContext.of(command);
      const gateway = context.gateway();
      const require = options.require?.length ? options.require : undefined;
      const [key, access] = await Promise.all([
        gateway.request<KeyView>('GET', keyPath(id), { query: { asOf } }),
        gateway.request<KeyAccessView>('GET', keyPath(id, '/access'), { query: { asOf, require, ip: options.ip } }),
      ]);
      context.output.result({ asOf, key, access }, forPeople);
      // As `keyward verify`: a "no" then is an answer a script tells apart from a failure.
      if (!access.valid) throw new CliError(`not valid then: ${access.code}`, ExitCodes.negative);
    });
