import { Command } from 'commander';
import { createKeyCommand } from './create-key.command';
import { deleteKeyCommand } from './delete-key.command';
import { getKeyCommand } from './get-key.command';
import { keyAsOfCommand } from './key-as-of.command';
import { listKeysCommand } from './list-keys.command';
import { revokeKeyCommand } from './revoke-key.command';
import { rotateKeyCommand } from './rotate-key.command';
import { setKeyEnabledCommand } from './set-key-enabled.command';

/** `keyward keys …`: the key lifecycle through the gateway, with the caller's credential. */
export const keysCommand = (): Command =>
  new Command('keys')
    .description('create, list, show, rotate, disable, enable, revoke and delete keys; a key as it was at a moment')
    .addCommand(listKeysCommand())
    .addCommand(createKeyCommand())
    .addCommand(getKeyCommand())
    .addCommand(setKeyEnabledCommand(false))
    .addCommand(setKeyEnabledCommand(true))
    .addCommand(revokeKeyCommand())
    .addCommand(rotateKeyCommand())
    .addCommand(deleteKeyCommand())
    .addCommand(keyAsOfCommand());
