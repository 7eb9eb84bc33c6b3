import { CreateIdempotencyTable1764000000000 } from './migrations/1764000000000-create-idempotency-table';
import { AddIdempotencyPosition1764100000000 } from './migrations/1764100000000-add-idempotency-position';

/**
 * The `idempotency_records` table's migrations, in the order they run. They run with the read
 * models' (same database, same `read_model_migrations` table, where the first was recorded when it
 * lived in @keyward/read-models): give them to `createReadModelDataSource`.
 */
export const idempotencyMigrations = [CreateIdempotencyTable1764000000000, AddIdempotencyPosition1764100000000];
