import { newUuidV7, uuidV7Floor, uuidV7Time } from './uuid-v7';

describe('newUuidV7', () => {
  it('is a version 7 UUID with the RFC 9562 variant', () => {
    for (let i = 0; i < 100; i++) expect(newUuidV7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('begins with the milliseconds it was made at, so later ids sort after earlier ones', () => {
    const at = Date.UTC(2026, 11, 2, 15, 0, 0, 123);
    expect(newUuidV7(at).replace(/-/g, '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
    expect(newUuidV7(at) < newUuidV7(at + 1)).toBe(true);
  });

  it('differs each time within one millisecond', () => {
    const at = Date.now();
    expect(new Set(Array.from({ length: 1_000 }, () => newUuidV7(at))).size).toBe(1_000);
  });
});

describe('uuidV7Time', () => {
  it('reads back the milliseconds the id was made at', () => {
    expect(uuidV7Time(newUuidV7(1_764_000_000_123))).toBe(1_764_000_000_123);
  });
});

describe('uuidV7Floor', () => {
  it('sorts at or below every id made in its millisecond, and above every id made before it', () => {
    const ms = Date.parse('2026-12-02T19:00:00.000Z');
    const floor = uuidV7Floor(ms);
    expect(uuidV7Time(floor)).toBe(ms);
    for (let i = 0; i < 100; i++) {
      expect(newUuidV7(ms) >= floor).toBe(true);
      expect(newUuidV7(ms - 1) < floor).toBe(true);
    }
  });
});
