import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The lowest port the kernel hands out by itself (to `listen(0)` and to outgoing connections).
 * A port it chose once and got back can be chosen again a moment later, by a service of the same
 * test given port 0 for its /metrics, or by a client's connection: so test servers stay below it.
 */
const ephemeralLow = (): number => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768; // not Linux: its default, and below macOS's and Windows' 49152
  }
};

const listens = (port: number): Promise<number | undefined> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });

/** Where `freePort` picks (`high` excluded): from 10000 to the kernel's own range, unless that leaves too few. */
export const testPortRange = (): { readonly low: number; readonly high: number } | undefined => {
  const high = ephemeralLow();
  return high - 10_000 >= 1_000 ? { low: 10_000, high } : undefined;
};

/** A TCP port free on 127.0.0.1 now, for a server a test starts; outside the kernel's own range when it can be. */
export const freePort = async (): Promise<number> => {
  const range = testPortRange();
  for (let attempt = 0; range && attempt < 50; attempt++) {
    const port = await listens(randomInt(range.low, range.high));
    if (port) return port;
  }
  const port = await listens(0);
  if (!port) throw new Error('no free TCP port on 127.0.0.1');
  return port;
};
