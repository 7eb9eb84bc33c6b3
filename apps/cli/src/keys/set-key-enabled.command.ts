import { Command } from 'commander';
import type { KeyView } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { keyFields } from './key.format';
import { keyPath } from './key-path';

/** `keys disable` and `keys enable`: one command each, the same request but for the route. */
export const setKeyEnabledCommand = (enabled: boolean): Command =>
  new Command(enabled ? 'enable' : 'disable')
    .description(
      enabled
        ? 'enable a disabled key again: verify answers as before (POST /v1/keys/:id/enable)'
        : 'disable a key, reversibly: verify answers DISABLED until it is enabled (POST /v1/keys/:id/disable)',
    )
    .argument('<id>', 'the key id')
    .action(async (id: string, _options: object, command: Command) => {
      const context = CliContext.of(command);
      context.output.result(await context.gateway().request<KeyView>('POST', keyPath(id, enabled ? '/enable' : '/disable')), keyFields);
    });
