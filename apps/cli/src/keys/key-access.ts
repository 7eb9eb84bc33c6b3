import { ErrorCodes } from '@keyward/contracts';
import type { GatewayClient } from '../gateway/gateway.client';
import { GatewayRefusal } from '../gateway/gateway-error';
import { keyPath } from './key-path';

/** A JSON value as the gateway sends it. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [name: string]: Json };

/**
 * What `GET /v1/keys/:id/access` answers (product.md section 7): the key's status, roles and
 * effective permissions at that moment and the verify code `require` would have got. Printed as
 * the gateway sends it. The route and its contract type come with the time-travel slice; where
 * the gateway has no such route yet, the key's state alone is shown (null here).
 */
export type KeyAccessAnswer = { readonly [field: string]: Json };

export const keyAccessAsOf = async (gateway: GatewayClient, id: string, asOf: string, require: readonly string[]): Promise<KeyAccessAnswer | null> => {
  try {
    return await gateway.request<KeyAccessAnswer>('GET', keyPath(id, '/access'), { query: { asOf, require: require.length ? require : undefined } });
  } catch (error) {
    if (error instanceof GatewayRefusal && error.code === ErrorCodes.routeNotFound) return null;
    throw error;
  }
};
