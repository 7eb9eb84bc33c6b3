import type { MasterKey, MasterKeyring } from '@keyward/config';

/**
 * The master keys of a running service. `reload()` reads the keyring again (the generated file
 * may have been rotated meanwhile) and adds what it finds: a key once held is kept until the
 * process ends, so a reader that fetched a row just before a rotation re-wrapped it still opens it.
 */
export class MasterKeys {
  private current: MasterKey;
  private readonly byId = new Map<string, MasterKey>();

  constructor(private readonly load: () => MasterKeyring) {
    this.current = this.add(load());
  }

  /** The key new data keys are wrapped under, as the keyring is now (a rotation may have begun). */
  fresh(): MasterKey {
    this.reload();
    return this.current;
  }

  find(id: string): MasterKey | undefined {
    return this.byId.get(id);
  }

  reload(): void {
    this.current = this.add(this.load());
  }

  private add(ring: MasterKeyring): MasterKey {
    for (const key of ring.keys) this.byId.set(key.id, key);
    return ring.current;
  }
}
