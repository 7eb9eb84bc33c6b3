import type { Pool, PoolClient } from 'pg';

/** A pooled client that cannot crash the process, and the failure that broke it, if any. */
export interface CheckedOut {
  readonly client: PoolClient;
  /** Gives the client back; a broken one (or one released with an error) is dropped, not pooled. */
  release(error?: Error): void;
}

/**
 * pg-pool removes its own error listener while a client is checked out, and a server that goes
 * away (`pg_ctl -m immediate stop`) makes the client emit 'error' even between queries: with no
 * listener that ends the process. This listener keeps the error; the query in flight (or the
 * next one) fails by itself, so the caller hears of it anyway.
 */
export const checkOut = async (pool: Pool): Promise<CheckedOut> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error): void => {
    broken ??= error;
  };
  client.on('error', onError);
  return {
    client,
    release: (error) => {
      client.removeListener('error', onError);
      client.release(error ?? broken);
    },
  };
};
