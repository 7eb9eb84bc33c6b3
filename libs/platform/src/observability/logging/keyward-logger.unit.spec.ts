import { Writable } from 'node:stream';
import { createKeywardLogger } from './keyward-logger';

/** A logger writing into an array of parsed lines. */
const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString('utf8'));
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createKeywardLogger('test-service', destination), lines, raw };
};

describe('createKeywardLogger', () => {
  it('writes one JSON object per line with time, level label, service and pid', () => {
    const { logger, lines } = capture();
    logger.child({ correlationId: 'req-1' }).warn('hello');
    expect(lines).toEqual([{ level: 'warn', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'test-service', pid: process.pid, correlationId: 'req-1', msg: 'hello' }]);
  });

  it('blanks credentials in headers, keys, secrets and bodies wherever they are logged', () => {
    const { logger, raw } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer kw_live_secret1', cookie: 'session=secret2', 'x-api-key': 'kw_live_secret3' } },
        res: { headers: { 'set-cookie': 'session=secret4' } },
        key: 'kw_live_secret5',
        answer: { key: 'kw_live_secret6', body: 'secret7' },
        rootKey: 'kwroot_secret8',
        pepper: 'secret9',
        body: { key: 'secret10' },
      },
      'a request',
    );
    expect(raw.join('')).not.toMatch(/secret\d/);
    expect(raw.join('')).toContain('[redacted]');
  });

  it('logs an error by name and message, never its stack', () => {
    const { logger, lines, raw } = capture();
    logger.error({ err: new TypeError('bad thing') }, 'failed');
    expect(lines[0].err).toEqual({ type: 'TypeError', message: 'bad thing' });
    expect(raw.join('')).not.toMatch(/\.(js|ts):\d+:\d+/);
  });
});
