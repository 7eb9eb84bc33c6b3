import { createServer } from 'node:net';
import { freePort, testPortRange } from './free-port';

const listenOn = (port: number): Promise<() => Promise<void>> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(() => new Promise((done) => server.close(() => done()))));
  });

describe('freePort', () => {
  it('gives ports a test can listen on', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of new Set(ports)) await (await listenOn(port))();
  });

  const range = testPortRange();
  (range ? it : it.skip)('gives ports below the range the kernel hands out to port 0 and to clients', async () => {
    const { low, high } = range ?? { low: 0, high: 0 };
    for (const port of await Promise.all(Array.from({ length: 20 }, () => freePort()))) {
      expect(port).toBeGreaterThanOrEqual(low);
      expect(port).toBeLessThan(high);
    }
  });
});
