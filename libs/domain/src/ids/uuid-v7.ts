import { randomBytes } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made in time
 * order land at the right edge of the unique index (events, usage batches), where random (version 4) ids
 * would each dirty a random page of it, and each page's first change after a checkpoint writes
 * the whole page to the WAL.
 */
export const newUuidV7 = (now = Date.now()): string => {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The Unix milliseconds a UUID v7 was made at (its first 48 bits). */
export const uuidV7Time = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

/** The lowest UUID v7 of the millisecond `ms`: every id made at or after it sorts at or above it. */
export const uuidV7Floor = (ms: number): string => {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
};
