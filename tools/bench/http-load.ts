import { Agent, request } from 'node:http';
import { summarize, type LoadResult } from './load';

export interface HttpCall {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** One HTTP client over `connections` keep-alive sockets to the gateway, with a bearer key. */
export class HttpLoad {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: URL,
    private readonly token: string,
    connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  send(call: HttpCall): Promise<HttpAnswer> {
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.baseUrl.hostname,
          port: this.baseUrl.port,
          method: call.method,
          path: call.path,
          headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${call.method} ${call.path} timed out`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /**
   * Keeps `inFlight` calls outstanding, each made by `next` (undefined: nothing left), for at most
   * `seconds`. Any answer but `expected` stops the run: a benchmark of errors measures nothing.
   */
  async run(next: () => HttpCall | undefined, inFlight: number, seconds: number, expected: number, onAnswer?: (answer: HttpAnswer) => void): Promise<LoadResult> {
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + seconds * 1_000;
    const worker = async (): Promise<void> => {
      for (let call = next(); call && performance.now() < deadline; call = next()) {
        const t0 = performance.now();
        const answer = await this.send(call);
        latencies.push(performance.now() - t0);
        if (answer.status !== expected) throw new Error(`${call.method} ${call.path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
        onAnswer?.(answer);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return summarize([{ seconds: (performance.now() - started) / 1_000, latenciesMs: Float64Array.from(latencies) }]);
  }

  close(): void {
    this.agent.destroy();
  }
}
