import type { KeyEnvironment, KeyEvent } from '@keyward/contracts';
import { effectiveGrants, formatPermission, type Permission } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';

/** What the verifier knows of one key: everything a verify answer needs, precomputed. */
export interface IndexedKey {
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string | null;
  readonly expiresAtMs: number;
  revoked: boolean;
  readonly roles: readonly string[];
  readonly grants: readonly Permission[];
  readonly permissions: readonly string[];
}

export interface SecretEntry {
  readonly key: IndexedKey;
  /** The second half of the stored hash, compared in constant time once the first half matched. */
  readonly tail: string;
  /** Epoch ms after which this secret answers EXPIRED; `Infinity` for the key's current secret. */
  validUntilMs: number;
}

/**
 * A stored HMAC split in two one-byte strings (the most compact string V8 keeps, as 100,000
 * keys must fit comfortably in memory): the map finds a candidate by the first 16 bytes, and the
 * last 16 are compared in constant time, so lookup timing tells nothing about a stored hash.
 */
export interface SplitHash {
  readonly head: string;
  readonly tail: string;
}

export const digestHead = (digest: Buffer): string => digest.toString('latin1', 0, 16);

export const splitDigest = (digest: Buffer): SplitHash => ({
  head: digestHead(digest),
  tail: digest.toString('latin1', 16, 32),
});

const splitHex = (hex: string): SplitHash => splitDigest(Buffer.from(hex, 'hex'));

const isKeyEvent = (event: RecordedEvent): event is RecordedEvent<KeyEvent> =>
  event.type === 'KeyCreated' || event.type === 'KeyRotated' || event.type === 'KeyRevoked';

/** The in-memory index by keyed hash; fed by events, read on every verify without I/O. */
export class KeyIndex {
  private readonly bySecret = new Map<string, SecretEntry>();
  private readonly current = new Map<string, SecretEntry>();

  get size(): number {
    return this.current.size;
  }

  lookup(head: string): SecretEntry | undefined {
    return this.bySecret.get(head);
  }

  private addSecret(hex: string, key: IndexedKey): SecretEntry {
    const { head, tail } = splitHex(hex);
    const entry: SecretEntry = { key, tail, validUntilMs: Infinity };
    this.bySecret.set(head, entry);
    this.current.set(key.keyId, entry);
    return entry;
  }

  apply(event: RecordedEvent): void {
    if (!isKeyEvent(event)) return;
    switch (event.type) {
      case 'KeyCreated': {
        const d = event.data;
        const grants = effectiveGrants(d);
        const key: IndexedKey = {
          keyId: d.keyId,
          workspaceId: d.workspaceId,
          name: d.name,
          environment: d.environment,
          expiresAt: d.expiresAt,
          expiresAtMs: d.expiresAt === null ? Infinity : Date.parse(d.expiresAt),
          revoked: false,
          roles: d.roles,
          grants,
          permissions: grants.map(formatPermission),
        };
        this.addSecret(d.secretHash, key);
        return;
      }
      case 'KeyRotated': {
        const previous = this.current.get(event.data.keyId);
        if (!previous) return;
        previous.validUntilMs = Date.parse(event.data.previousKeyExpiresAt);
        this.addSecret(event.data.secretHash, previous.key);
        return;
      }
      case 'KeyRevoked': {
        const entry = this.current.get(event.data.keyId);
        if (entry) entry.key.revoked = true;
        return;
      }
    }
  }
}
