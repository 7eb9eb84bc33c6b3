import { Command } from 'commander';
import type { KeyView } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { fields } from '../output/table';
import { collect, instant } from '../options/option-parsers';
import { keyAccessAsOf, type KeyAccessAnswer } from './key-access';
import { keyFields } from './key.format';
import { keyPath } from './key-path';

export interface KeyAsOf {
  readonly asOf: string;
  readonly key: KeyView;
  /** null where the gateway has no `/access` route. */
  readonly access: KeyAccessAnswer | null;
}

const forPeople = (answer: KeyAsOf): string => {
  const key = `state at ${answer.asOf}\n${keyFields(answer.key)}`;
  if (!answer.access) return key;
  const access = fields(Object.entries(answer.access).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  return `${key}\naccess at ${answer.asOf}\n${access}`;
};

export const keyAsOfCommand = (): Command =>
  new Command('as-of')
    .description('a key as it was at a moment, folded from its history (GET /v1/keys/:id?asOf=, and /access)')
    .argument('<id>', 'the key id')
    .argument('<time>', 'ISO 8601 time, e.g. 2026-01-31T12:00:00Z', instant)
    .option('--require <permission>', 'a permission to ask verify would have granted then (repeatable), e.g. calls:read', collect)
    .action(async (id: string, asOf: string, options: { readonly require?: readonly string[] }, command: Command) => {
      const context = CliContext.of(command);
      const gateway = context.gateway();
      const key = await gateway.request<KeyView>('GET', keyPath(id), { query: { asOf } });
      const access = await keyAccessAsOf(gateway, id, asOf, options.require ?? []);
      context.output.result({ asOf, key, access }, forPeople);
    });
