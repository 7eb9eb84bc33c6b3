import type { ApiKeyUserView } from '@keyward/contracts';
import type { KeyRow } from '../keys/key-row.entity';
import { keyStatusOf } from '../keys/key-view.mapping';

/**
 * A key as the principal it acts as (product.md section 2). Its id is the key id itself: the
 * same id events carry as `actor`, so an audit line and its principal join without translation;
 * `type` tells it apart from human members. A service account belongs to no group and is no seat.
 */
export const toApiKeyUserView = (row: KeyRow, now: Date): ApiKeyUserView => ({
  id: row.id,
  type: 'api_key',
  keyId: row.id,
  name: row.name,
  status: keyStatusOf(row, now),
  unrestricted: !row.restricted,
  roles: row.roles,
  permissions: row.permissions,
  shares: row.shares,
  groups: [],
  humanSeat: false,
});
