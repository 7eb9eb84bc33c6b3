import type { ResourcePermissions, Share } from './events/key-events';
import type { KeyStatus } from './key.view';

/**
 * Every key acts as its own principal, a service account (product.md section 2): it belongs to no
 * group such as "everyone" and never counts as a human seat.
 */
export interface ApiKeyUserView {
  readonly id: string;
  readonly type: 'api_key';
  readonly keyId: string;
  readonly name: string;
  readonly status: KeyStatus;
  readonly unrestricted: boolean;
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly shares: readonly Share[];
  readonly groups: readonly string[];
  readonly humanSeat: false;
}
