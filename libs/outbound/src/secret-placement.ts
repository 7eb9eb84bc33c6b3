import { OutboundRefusedError } from './outbound.errors';
import type { OutboundRequest } from './outbound.request';

/** Where a secret goes: a header by its name, a query parameter by its name, or `Authorization: Bearer`. */
export interface SecretPlacement {
  readonly location: 'header' | 'query' | 'bearer';
  readonly parameterName: string;
}

const BEARER_HEADER = 'authorization';

/**
 * The request with the secret in its place. A caller's header or query parameter of the same name
 * (any case) is refused rather than overwritten, so no caller can mistake whose value went out.
 */
export const placeSecret = (request: OutboundRequest, placement: SecretPlacement, secret: string): OutboundRequest => {
  if (placement.location === 'query') {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new OutboundRefusedError('invalid', 'url must be an absolute URL');
    }
    const name = placement.parameterName.toLowerCase();
    if ([...url.searchParams.keys()].some((key) => key.toLowerCase() === name)) {
      throw new OutboundRefusedError('invalid', `the query parameter ${placement.parameterName} is the credential's own`);
    }
    url.searchParams.append(placement.parameterName, secret);
    return { ...request, url: url.href };
  }
  const header = placement.location === 'bearer' ? BEARER_HEADER : placement.parameterName.toLowerCase();
  if (Object.keys(request.headers).some((name) => name.toLowerCase() === header)) {
    throw new OutboundRefusedError('invalid', `the header ${placement.location === 'bearer' ? 'Authorization' : placement.parameterName} is the credential's own`, 'headers');
  }
  return { ...request, headers: { ...request.headers, [header]: placement.location === 'bearer' ? `Bearer ${secret}` : secret } };
};
