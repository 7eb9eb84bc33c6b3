import type { SharedCountCodec } from '@keyward/consistency';
import type { WindowCount } from './fixed-window';

const FORMAT = /^(\d{1,16})\.(\d{1,9})\.(\d{1,8})$/;

/** `<start>.<windowMs>.<used>` in ASCII: a handful of bytes per key, readable with `nats kv get`. */
export const encodeWindowCount = (count: WindowCount): Uint8Array => Buffer.from(`${count.start}.${count.windowMs}.${count.used}`, 'ascii');

/** `undefined` for anything this codec did not write: the next write replaces it (by revision) with a fresh window. */
export const decodeWindowCount = (bytes: Uint8Array): WindowCount | undefined => {
  const match = FORMAT.exec(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('ascii'));
  if (!match) return undefined;
  const [start, windowMs, used] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return windowMs > 0 && start % windowMs === 0 ? { start, windowMs, used } : undefined;
};

export const windowCountCodec: SharedCountCodec<WindowCount> = { encode: encodeWindowCount, decode: decodeWindowCount };
