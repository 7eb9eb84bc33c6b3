import { ApiError } from '../../errors/api-error';
import { auditFilterOf } from './list-audit-events.request.dto';

describe('auditFilterOf', () => {
  it('names each filter the request gives, times as dates', () => {
    expect(auditFilterOf({ stream: 'key-1', type: 'KeyRevoked', actor: 'root', from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual({
      streamId: 'key-1', type: 'KeyRevoked', actor: 'root', from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z'),
    });
  });

  it('refuses a range that ends before it starts, naming `to`', () => {
    const refusal = (() => {
      try {
        auditFilterOf({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).body).toMatchObject({ statusCode: 400, details: [{ field: 'to' }] });
  });
});
