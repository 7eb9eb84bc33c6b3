import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { CLIENT_OWNED_HEADERS } from '@keyward/domain';
import { guardedLookup } from './guarded-lookup';
import { OutboundFailedError, OutboundRefusedError } from './outbound.errors';
import type { OutboundPolicy } from './outbound.policy';
import type { OutboundRequest, OutboundResponse } from './outbound.request';
import { outboundTarget } from './outbound-target';

/** Hop-by-hop headers of the answer, and its length (the body may be redacted after). */
const ANSWER_HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-authenticate', 'trailer', 'upgrade']);

/** Idle kept-alive sockets close after this, so an idle process holds no connection open. */
const IDLE_SOCKET_MS = 4_000;
type Agents = Readonly<Record<'http:' | 'https:', http.Agent>>;
/**
 * Kept-alive sockets per policy: one is reused only for the same host and port under the same
 * policy, whose checks passed when it connected (a socket opened while private addresses were
 * allowed must not serve a policy that forbids them).
 */
const agentsByPolicy = new WeakMap<OutboundPolicy, Agents>();
const agentsOf = (policy: OutboundPolicy): Agents => {
  const known = agentsByPolicy.get(policy);
  if (known) return known;
  const agents = { 'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }), 'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }) };
  agentsByPolicy.set(policy, agents);
  return agents;
};

const checkedHeaders = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  for (const [name, value] of Object.entries(headers)) {
    try {
      http.validateHeaderName(name);
      http.validateHeaderValue(name, value);
    } catch {
      throw new OutboundRefusedError('invalid', `header ${JSON.stringify(name)} is not a valid HTTP header`, 'headers');
    }
    if (CLIENT_OWNED_HEADERS.has(name.toLowerCase())) throw new OutboundRefusedError('invalid', `header ${name} is set by the connection, not by the caller`, 'headers');
  }
  return { ...headers };
};

const answeredHeaders = (response: http.IncomingMessage): Record<string, string | string[]> => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && !ANSWER_HOP_HEADERS.has(name)) headers[name] = value;
  }
  return headers;
};

const failure = (error: unknown): Error => {
  if (error instanceof OutboundRefusedError || error instanceof OutboundFailedError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'HPE_HEADER_OVERFLOW') return new OutboundFailedError('too-large', 'the answer\'s headers are over the limit');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new OutboundFailedError('failed', 'the host name does not resolve');
  return new OutboundFailedError('failed', `the request failed${code ? ` (${code})` : ''}`);
};

/**
 * Sends one request where `allowedHosts` allow it, under `policy`'s limits, and reads the whole
 * answer. Every check that can fail before sending does (URL, headers, body size, resolved
 * addresses), so a refusal (`OutboundRefusedError`) means nothing left this process; a failure
 * after that is an `OutboundFailedError`.
 */
export const sendOutbound = (request: OutboundRequest, allowedHosts: readonly string[], policy: OutboundPolicy): Promise<OutboundResponse> => {
  const target = outboundTarget(request.url, allowedHosts, policy);
  const headers = checkedHeaders(request.headers);
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  if (body && body.length > policy.maxRequestBodyBytes) throw new OutboundRefusedError('too-large', `body is over ${policy.maxRequestBodyBytes} bytes`, 'body');
  if (body) headers['content-length'] = String(body.length);

  return new Promise<OutboundResponse>((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const outgoing = client.request({
      agent: agentsOf(policy)[target.protocol],
      protocol: target.protocol,
      // An IP literal is connected to as is (no lookup); a name goes through the guarded lookup.
      host: target.address ?? target.hostname,
      port: target.port,
      method: request.method,
      path: `${target.url.pathname}${target.url.search}`,
      headers: { ...headers, host: target.url.host, 'accept-encoding': 'identity' },
      lookup: guardedLookup(policy.allowPrivate),
      maxHeaderSize: policy.maxResponseHeaderBytes,
    });
    const fail = (error: unknown): void => {
      clearTimeout(whole);
      clearTimeout(connecting);
      reject(failure(error));
    };
    // The first reason given wins: a later socket error from the destroy changes nothing.
    const abort = (error: OutboundFailedError): void => {
      fail(error);
      outgoing.destroy();
    };
    const whole = setTimeout(() => abort(new OutboundFailedError('timeout', `no whole answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
    let connecting: NodeJS.Timeout | undefined;
    outgoing.on('socket', (socket: Socket) => {
      if (!socket.connecting) return;
      connecting = setTimeout(() => abort(new OutboundFailedError('timeout', `not connected within ${policy.connectTimeoutMs} ms`)), policy.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(connecting));
    });
    outgoing.on('error', fail);
    outgoing.on('response', (response) => {
      const encoding = response.headers['content-encoding'];
      if (encoding && encoding !== 'identity') return abort(new OutboundFailedError('failed', `the answer is ${encoding}-encoded though identity was asked for`));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxResponseBodyBytes) return abort(new OutboundFailedError('too-large', `the answer's body is over ${policy.maxResponseBodyBytes} bytes`));
        chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(whole);
        resolve({ status: response.statusCode ?? 0, headers: answeredHeaders(response), body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.end(body);
  });
};
