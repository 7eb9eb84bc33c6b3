import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { RecordedEvent } from '../event-store.port';
import { positionToToken } from '../position';

/** The hash before the first event: 32 zero bytes, so a chain from an empty history has a fixed start. */
export const CHAIN_GENESIS: Buffer = Buffer.alloc(32);

/**
 * The canonical form of a recorded event (product.md 9.6): every field that says what happened
 * and where it stands in the history, keys sorted at every depth so that the same event always
 * gives the same bytes, whatever order its JSON came back in. Bigints travel as decimal strings.
 */
export const canonicalEvent = (event: RecordedEvent): string =>
  // An object always stringifies; the library's type says `undefined` for functions and symbols.
  stringify({
    position: positionToToken(event.position),
    streamId: event.streamId,
    streamVersion: event.streamVersion.toString(),
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  }) ?? '';

/** `SHA-256(previous ‖ canonical event)`: each link covers every event before it. */
export const chainHash = (previous: Buffer, event: RecordedEvent): Buffer =>
  createHash('sha256').update(previous).update(canonicalEvent(event), 'utf8').digest();
