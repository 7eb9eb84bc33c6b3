import { SweptMap } from './swept-map';

describe('SweptMap', () => {
  const idleWhenEven = (value: number): boolean => value % 2 === 0;

  it('keeps every entry below 10,000, and gives them back by key', () => {
    const map = new SweptMap<number>(idleWhenEven);
    for (let i = 0; i < 10_000; i++) map.add(`k${i}`, i, 0);
    expect(map.size).toBe(10_000);
    expect(map.get('k42')).toBe(42);
    expect(map.get('nobody')).toBeUndefined();
  });

  it('forgets the idle entries when it reaches 10,000, and keeps the others and the new one', () => {
    const map = new SweptMap<number>(idleWhenEven);
    for (let i = 0; i < 10_000; i++) map.add(`k${i}`, i, 0);
    map.add('new', 2, 0);
    expect(map.size).toBe(5_001);
    expect(map.get('k42')).toBeUndefined();
    expect(map.get('k43')).toBe(43);
    expect(map.get('new')).toBe(2);
  });

  it('sweeps again only once the map has doubled past what the last sweep kept (never below 10,000)', () => {
    const sweeps: number[] = [];
    const map = new SweptMap<number>((_, now) => {
      sweeps.push(now);
      return false; // nothing may go: the map only grows
    });
    for (let i = 0; i < 30_001; i++) map.add(`k${i}`, i, i);
    // Swept at 10,000 entries (kept all: next at 20,000), then at 20,000 (next at 40,000).
    expect(new Set(sweeps)).toEqual(new Set([10_000, 20_000]));
    expect(map.size).toBe(30_001);
  });

  it('passes the time of the addition to the idle test', () => {
    const map = new SweptMap<number>((expiresAt, now) => expiresAt <= now);
    for (let i = 0; i < 10_000; i++) map.add(`k${i}`, i, 0);
    map.add('late', 1_000_000, 5_000);
    expect(map.get('k4999')).toBeUndefined();
    expect(map.get('k5001')).toBe(5_001);
    expect(map.size).toBe(4_999 + 1);
  });
});
