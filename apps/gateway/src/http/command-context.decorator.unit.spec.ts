import type { GatewayRequest } from './gateway-request';
import { commandContextOf } from './command-context.decorator';

const request = (fields: Partial<GatewayRequest>): GatewayRequest => ({ headers: {}, ...fields }) as GatewayRequest;

describe('commandContextOf', () => {
  it('names the principal, the correlation id, the source IP and the user agent', () => {
    const context = commandContextOf(
      request({
        principal: { workspaceId: 'ws_1', actor: 'key_1', root: false, grants: ['api_keys:write', 'calls:read'], roles: [] },
        correlationId: 'req-1',
        ip: '203.0.113.9',
        headers: { 'user-agent': 'curl/8.5' },
      }),
    );
    expect(context).toEqual({
      workspaceId: 'ws_1',
      actor: 'key_1',
      grants: ['api_keys:write', 'calls:read'],
      operator: false,
      correlationId: 'req-1',
      sourceIp: '203.0.113.9',
      userAgent: 'curl/8.5',
    });
  });

  it('bounds the user agent and leaves out what is unknown', () => {
    const context = commandContextOf(
      request({ principal: { workspaceId: 'default', actor: 'root', root: true, grants: ['*:write'], roles: [] }, correlationId: 'req-2', headers: { 'user-agent': 'u'.repeat(600) } }),
    );
    expect(context.userAgent).toHaveLength(500);
    expect(context).toMatchObject({ operator: true, grants: ['*:write'] });
    expect(context).not.toHaveProperty('sourceIp');
  });

  it("carries the request's Idempotency-Key and fingerprint, when it sent one", () => {
    const idempotency = { key: 'order-42', fingerprint: 'f'.repeat(64) };
    const context = commandContextOf(request({ principal: { workspaceId: 'ws_1', actor: 'key_1', root: false, grants: [], roles: [] }, correlationId: 'req-3', idempotency }));
    expect(context.idempotency).toEqual(idempotency);
  });

  it('refuses to build a context for an unauthenticated request', () => {
    expect(() => commandContextOf(request({}))).toThrow(/principal/);
  });
});
