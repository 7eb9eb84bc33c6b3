/**
 * Equal values shared by the slots that hold them, each counted: a value no slot holds any more
 * is let go, so a writer changing values in a loop cannot grow a verifier's memory.
 */
export class SharedValues<T> {
  private readonly bySlot = new Map<number, { readonly id: string; readonly value: T }>();
  private readonly shared = new Map<string, { readonly value: T; holders: number }>();

  of(slot: number): T | undefined {
    return this.bySlot.get(slot)?.value;
  }

  /** `slot` holds the value `id` names: the one already shared under `id`, or `make()`. */
  set(slot: number, id: string, make: () => T): void {
    if (this.bySlot.get(slot)?.id === id) return;
    this.delete(slot);
    let entry = this.shared.get(id);
    if (!entry) this.shared.set(id, (entry = { value: make(), holders: 0 }));
    entry.holders++;
    this.bySlot.set(slot, { id, value: entry.value });
  }

  delete(slot: number): void {
    const held = this.bySlot.get(slot);
    if (!held) return;
    this.bySlot.delete(slot);
    const entry = this.shared.get(held.id);
    if (entry && --entry.holders === 0) this.shared.delete(held.id);
  }

  /** Distinct values held now. */
  get distinct(): number {
    return this.shared.size;
  }

  entries(): IterableIterator<[number, { readonly id: string; readonly value: T }]> {
    return this.bySlot.entries();
  }
}
