import { DEFAULT_NATS_URL, DEFAULT_PORT, loadExampleConfig } from './example.config';

describe('loadExampleConfig', () => {
  it('defaults to the local NATS and port 3100', () => {
    expect(loadExampleConfig({})).toEqual({ natsUrl: DEFAULT_NATS_URL, port: DEFAULT_PORT });
  });

  it('reads NATS_URL and PORT', () => {
    expect(loadExampleConfig({ NATS_URL: 'nats://bus:4222', PORT: '8080' })).toEqual({ natsUrl: 'nats://bus:4222', port: 8080 });
  });

  it.each([['0'], ['65536'], ['80a'], ['3.5']])('refuses PORT=%s', (port) => {
    expect(() => loadExampleConfig({ PORT: port })).toThrow('PORT must be a TCP port');
  });
});
