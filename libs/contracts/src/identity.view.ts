import type { Credits, NamedRateLimit } from './events/key-events';
import type { JsonObject } from './json-value';

/** Credits as the API shows them: `remaining` is live, the balance as set (or refilled) less what verifies spent since. */
export interface CreditsView extends Credits {
  /** Present (true) when the shared spend count could not be read: `remaining` is then the balance as set, an upper bound. */
  readonly degraded?: true;
}

/** An identity as the gateway shows it (`/v1/identities`). */
export interface IdentityView {
  readonly id: string;
  readonly workspaceId: string;
  readonly externalId: string;
  readonly meta: JsonObject;
  readonly ratelimits: readonly NamedRateLimit[];
  readonly credits: CreditsView | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Live (not revoked, not deleted) keys that belong to it. */
  readonly keyCount: number;
}

export interface IdentityPage {
  readonly items: readonly IdentityView[];
  readonly nextCursor: string | null;
}
