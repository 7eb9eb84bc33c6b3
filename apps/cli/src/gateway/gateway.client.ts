import { CliError } from '../cli.error';
import { gatewayError } from './gateway-error';

/** Query parameters; `undefined` ones are left out, a list's values each named once. */
export type Query = Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** How long a request may take before the gateway counts as unavailable. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The path and query of a request, with the parameters given. */
export const requestTarget = (path: string, query: Query = {}): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of typeof value === 'object' ? value : [String(value)]) search.append(name, one);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

/** Why a request never got an answer: a refused connection, a timeout, a name that did not resolve. */
const unreachable = (error: unknown): string => {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1_000} s`;
  // fetch says only "fetch failed"; why is in its cause (ECONNREFUSED, ENOTFOUND, "bad port"…).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  if (cause) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return error instanceof Error ? error.message : String(error);
};

/** The gateway's REST API (product.md section 7) with the caller's credential; failures as `CliError`s. */
export class GatewayClient {
  constructor(
    /** Without a trailing slash: a path prefix (a proxy's) is kept. */
    private readonly baseUrl: string,
    private readonly credential: () => string,
  ) {}

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, options: { readonly query?: Query; readonly body?: object } = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.credential()}`, accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${requestTarget(path, options.query)}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw CliError.unavailable(`the gateway at ${this.baseUrl} did not answer (${unreachable(error)})`);
    }
    if (!response.ok) throw gatewayError(response.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
