const NO_HOLDERS: ReadonlySet<never> = new Set<never>();

/**
 * A reverse index: which holders (keys) belong to a group (a role, a workspace), so that a change
 * to the group recomputes exactly its holders instead of scanning every key.
 */
export class HoldersByGroup<Holder> {
  private readonly byGroup = new Map<string, Set<Holder>>();

  add(group: string, holder: Holder): void {
    let set = this.byGroup.get(group);
    if (!set) this.byGroup.set(group, (set = new Set()));
    set.add(holder);
  }

  remove(group: string, holder: Holder): void {
    const set = this.byGroup.get(group);
    if (!set) return;
    set.delete(holder);
    // An empty set would outlive every key that ever held the group.
    if (set.size === 0) this.byGroup.delete(group);
  }

  of(group: string): ReadonlySet<Holder> {
    return this.byGroup.get(group) ?? NO_HOLDERS;
  }
}
