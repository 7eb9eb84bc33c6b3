import type { Pool, PoolClient } from 'pg';
import { checkOut } from './check-out';

/**
 * Runs `work` in a transaction on one pooled client: committed if it returns, rolled back if it
 * throws. A client that failed mid-transaction may be broken: it is dropped rather than pooled.
 */
export const inTransaction = async <T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> => {
  const { client, release } = await checkOut(pool);
  let failed: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    release(failed);
  }
};
