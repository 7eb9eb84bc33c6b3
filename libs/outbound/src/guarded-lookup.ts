import { lookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './address-ranges';
import { OutboundRefusedError } from './outbound.errors';

/**
 * The socket's own DNS lookup: every address a name resolves to is checked, and the socket
 * connects to those checked addresses — there is no second resolution a rebinding DNS server
 * could answer differently. One address that is not public refuses the name altogether.
 */
export const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '');
      const refused = allowPrivate ? undefined : addresses.find(({ address }) => !isPublicAddress(address));
      if (refused || addresses.length === 0) return callback(new OutboundRefusedError('forbidden', `${hostname} resolves to an address that is not public`), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
