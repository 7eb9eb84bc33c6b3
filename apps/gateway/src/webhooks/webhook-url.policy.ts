import type { OutboundPolicy } from '@keyward/outbound';
import { ApiError } from '../errors/api-error';

/**
 * Where the operator's outbound policy sends https only (the default), an http URL would be taken
 * and then refused at every try until the endpoint is disabled: refused at once instead. The
 * gateway reads the same `KEYWARD_OUTBOUND_ALLOW_HTTP` the sender does (a deployment sets it for
 * both). Whether the address is public is still the sender's to decide, at each try.
 */
export const refuseUnsendableScheme = (url: string | undefined, policy: OutboundPolicy): void => {
  if (url === undefined || policy.allowHttp) return;
  let protocol: string;
  try {
    protocol = new URL(url.trim()).protocol;
  } catch {
    return; // The domain answers a URL that does not parse, with its own message.
  }
  if (protocol === 'http:') throw ApiError.invalid([{ field: 'url', message: 'url must be https: this deployment sends webhooks over https only' }]);
};
