import { Command } from 'commander';
import type { KeyView } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { keyFields } from './key.format';
import { keyPath } from './key-path';

export const getKeyCommand = (): Command =>
  new Command('get')
    .description('show one key (GET /v1/keys/:id); never its secret')
    .argument('<id>', 'the key id')
    .action(async (id: string, _options: object, command: Command) => {
      const context = CliContext.of(command);
      context.output.result(await context.gateway().request<KeyView>('GET', keyPath(id)), keyFields);
    });
