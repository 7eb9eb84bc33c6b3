import { ConcurrencyError } from '@keyward/event-store';
import { DecisionReads } from './decision-reads';

describe('DecisionReads', () => {
  it('names nothing for the append when the decision read no other stream', () => {
    expect(new DecisionReads().unchanged).toBeUndefined();
  });

  it('names the stream and version used, and drops its copy only when that stream moved', () => {
    const reads = new DecisionReads();
    const forgotten: string[] = [];
    reads.used('workspace-w', 2n, true, () => forgotten.push('workspace-w'));
    expect(reads.unchanged).toEqual({ streamId: 'workspace-w', version: 2n });
    expect(reads.moved(new ConcurrencyError('key-k', 'no_stream', 0n))).toBe(false);
    expect(forgotten).toEqual([]);
    expect(reads.moved(new ConcurrencyError('workspace-w', 2n, 3n))).toBe(true);
    expect(forgotten).toEqual(['workspace-w']);
  });

  it('has a decision that appends nothing made again only when it rested on a kept copy', () => {
    const fresh = new DecisionReads();
    fresh.used('workspace-w', 1n, false, () => undefined);
    expect(fresh.unchecked()).toBe(false);
    const forgotten: string[] = [];
    const kept = new DecisionReads();
    kept.used('workspace-w', 1n, true, () => forgotten.push('workspace-w'));
    expect(kept.unchecked()).toBe(true);
    expect(forgotten).toEqual(['workspace-w']);
    expect(new DecisionReads().unchecked()).toBe(false);
  });

  it('refuses a second stream: the store checks one', () => {
    const reads = new DecisionReads();
    reads.used('workspace-a', null, false, () => undefined);
    expect(() => reads.used('workspace-b', null, false, () => undefined)).toThrow('one other stream');
  });
});
