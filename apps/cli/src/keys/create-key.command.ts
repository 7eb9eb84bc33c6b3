import { Command } from 'commander';
import type { CreateKeyAnswer, ResourcePermissions } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { collect, instant, permission } from '../options/option-parsers';
import { createdKey } from './key.format';
import { SECRET_WARNING } from './secret-warning';

interface CreateKeyOptions {
  readonly name: string;
  readonly expiresAt?: string;
  readonly environment?: string;
  readonly role?: readonly string[];
  readonly permission?: ResourcePermissions;
  readonly unrestricted?: boolean;
}

export const createKeyCommand = (): Command =>
  new Command('create')
    .description('create a key and print its secret, this once (POST /v1/keys)')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--expires-at <time>', 'ISO 8601 time the key stops working, e.g. 2027-01-01T00:00:00Z', instant)
    .option('--environment <environment>', 'live (default) or test')
    .option('--role <roleId>', 'a role the key holds (repeatable)', collect)
    .option('--permission <resource=level>', 'a direct level: none, read or write (repeatable), e.g. calls=read', permission)
    .option('--unrestricted', 'full access, like an admin key (the default when no role or permission is named)')
    .addHelpText('after', '\nThe secret is printed once, on the last line (or as "key" with --json); keep it: it cannot be shown again.')
    .action(async (options: CreateKeyOptions, command: Command) => {
      const context = CliContext.of(command);
      const body = {
        name: options.name,
        ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
        ...(options.environment ? { environment: options.environment } : {}),
        ...(options.role ? { roles: options.role } : {}),
        ...(options.permission ? { permissions: options.permission } : {}),
        ...(options.unrestricted ? { unrestricted: true } : {}),
      };
      const created = await context.gateway().request<CreateKeyAnswer>('POST', '/v1/keys', { body });
      if (created.key !== null) context.output.note(SECRET_WARNING);
      context.output.result(created, createdKey);
    });
