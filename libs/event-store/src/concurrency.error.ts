import type { ExpectedVersion } from './event-store.port';

/** The stream was not at the version the caller decided against. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: bigint | null,
  ) {
    super(`stream ${streamId} is at version ${actual ?? 'none'}, expected ${String(expected)}`);
    this.name = 'ConcurrencyError';
  }
}
