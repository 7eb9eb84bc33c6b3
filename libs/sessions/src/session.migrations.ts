import { CreateConsoleSessions1768000000000 } from './migrations/1768000000000-create-console-sessions';

/**
 * The `console_sessions` table's migrations, in the order they run: with the read models' (same
 * database, same migrations table), as @keyward/idempotency's do. Give them to `createReadModelDataSource`.
 */
export const sessionMigrations = [CreateConsoleSessions1768000000000];
