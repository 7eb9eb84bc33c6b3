import { SharedValues } from './shared-values';

describe('SharedValues', () => {
  it('shares one value among the slots holding an equal one, made once', () => {
    const values = new SharedValues<{ n: number }>();
    let made = 0;
    const make = () => ({ n: ++made });
    values.set(1, 'a', make);
    values.set(2, 'a', make);
    expect(made).toBe(1);
    expect(values.of(1)).toBe(values.of(2));
    expect(values.distinct).toBe(1);
  });

  it('lets a value go when its last holder changes or leaves, so changes in a loop do not grow it', () => {
    const values = new SharedValues<string>();
    for (let i = 0; i < 1_000; i++) values.set(7, `list ${i}`, () => `list ${i}`);
    expect(values.distinct).toBe(1);
    expect(values.of(7)).toBe('list 999');
    values.set(8, 'list 999', () => 'other');
    values.delete(7);
    expect(values.distinct).toBe(1);
    expect(values.of(8)).toBe('list 999');
    values.delete(8);
    values.delete(8);
    expect(values.distinct).toBe(0);
    expect(values.of(8)).toBeUndefined();
  });

  it('keeps a slot that is set again to the value it holds as it was', () => {
    const values = new SharedValues<string>();
    values.set(1, 'a', () => 'first');
    values.set(1, 'a', () => 'second');
    expect(values.of(1)).toBe('first');
    expect(values.distinct).toBe(1);
    expect([...values.entries()]).toEqual([[1, { id: 'a', value: 'first' }]]);
  });
});
