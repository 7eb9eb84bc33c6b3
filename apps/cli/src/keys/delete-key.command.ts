import { Command } from 'commander';
import { CliContext } from '../cli-context';
import { keyPath } from './key-path';

export const deleteKeyCommand = (): Command =>
  new Command('delete')
    .description('revoke a key and remove it from the list; its history is kept (DELETE /v1/keys/:id)')
    .argument('<id>', 'the key id')
    .action(async (id: string, _options: object, command: Command) => {
      const context = CliContext.of(command);
      await context.gateway().request<void>('DELETE', keyPath(id));
      context.output.result({ id, deleted: true }, () => `deleted ${id}`);
    });
