import { freePort } from '@keyward/testing';
import type { ApiResponse, KeywardStack } from './keyward-stack';

/** Where a request carries its key: the three places `KeywardGuard` reads. */
export type KeyPlacement = 'bearer' | 'x-api-key' | 'query';

export interface ServiceRequest {
  readonly key?: string;
  readonly placement?: KeyPlacement;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `apps/example-calls-service`, built, as one more process of the stack, on the stack's NATS. */
export class ExampleCallsService {
  private constructor(readonly baseUrl: string) {}

  static async start(stack: KeywardStack, timeoutMs = 20_000): Promise<ExampleCallsService> {
    const port = await freePort();
    stack.spawn('example-calls-service', { PORT: String(port) });
    const service = new ExampleCallsService(`http://127.0.0.1:${port}`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await fetch(`${service.baseUrl}/health`).catch(() => undefined))?.status === 200) return service;
      await sleep(100);
    }
    throw new Error(`example-calls-service did not start in ${timeoutMs} ms:\n${stack.logs.slice(-4_000)}`);
  }

  async request<T = Record<string, unknown>>(method: string, route: string, options: ServiceRequest = {}): Promise<ApiResponse<T>> {
    const { key, placement = 'bearer', body } = options;
    const url = new URL(route, this.baseUrl);
    const headers: Record<string, string> = { ...options.headers };
    if (key !== undefined && placement === 'bearer') headers.authorization = `Bearer ${key}`;
    if (key !== undefined && placement === 'x-api-key') headers['x-api-key'] = key;
    if (key !== undefined && placement === 'query') url.searchParams.append('api_key', key);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }
}
