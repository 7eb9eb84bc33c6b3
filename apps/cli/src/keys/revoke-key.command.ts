import { Command } from 'commander';
import type { RevokeKeyResult } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { revokedKey } from './key.format';
import { keyPath } from './key-path';

export const revokeKeyCommand = (): Command =>
  new Command('revoke')
    .description('revoke a key: verify answers REVOKED from now on (POST /v1/keys/:id/revoke)')
    .argument('<id>', 'the key id')
    .action(async (id: string, _options: object, command: Command) => {
      const context = CliContext.of(command);
      context.output.result(await context.gateway().request<RevokeKeyResult>('POST', keyPath(id, '/revoke')), revokedKey);
    });
