import { Command } from 'commander';
import type { RotateKeyAnswer } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { wholeNumber } from '../options/option-parsers';
import { rotatedKey } from './key.format';
import { keyPath } from './key-path';
import { SECRET_WARNING } from './secret-warning';

export const rotateKeyCommand = (): Command =>
  new Command('rotate')
    .description('give a key a new secret, printed this once (POST /v1/keys/:id/rotate)')
    .argument('<id>', 'the key id')
    .option('--grace-period <seconds>', 'how long the previous secret keeps working', wholeNumber)
    .action(async (id: string, options: { readonly gracePeriod?: number }, command: Command) => {
      const context = CliContext.of(command);
      const body = options.gracePeriod === undefined ? {} : { gracePeriodSeconds: options.gracePeriod };
      const rotated = await context.gateway().request<RotateKeyAnswer>('POST', keyPath(id, '/rotate'), { body });
      if (rotated.key !== null) context.output.note(SECRET_WARNING);
      context.output.result(rotated, rotatedKey);
    });
