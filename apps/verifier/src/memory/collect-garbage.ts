import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8's own switch, set once when this module loads; contexts made afterwards carry `gc`.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A full garbage collection, after a bulk load (a replay, a restored snapshot) or a snapshot
 * written. V8 otherwise keeps that moment's garbage (parsed batches, the snapshot's text) until
 * the heap grows again: with a million keys the process held twice the memory the index uses.
 * Twice: large strings and buffers are released by a callback after the first, and freed by the
 * second. It pauses the process for a moment, so it runs only at those rare points.
 */
export const collectGarbage = async (): Promise<void> => {
  gc();
  await new Promise<void>((resolve) => setImmediate(resolve));
  gc();
};
