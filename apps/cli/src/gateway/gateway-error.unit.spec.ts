import { ExitCodes } from '../exit-codes';
import { gatewayError, GatewayRefusal } from './gateway-error';

describe('gatewayError', () => {
  it('says the code and message of a section 7 error, with its field details, exit 1', () => {
    const error = gatewayError(400, JSON.stringify({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'invalid request', details: [{ field: 'name', message: 'must not be empty' }] }));
    expect(error).toBeInstanceOf(GatewayRefusal);
    expect(error).toMatchObject({ message: 'VALIDATION_FAILED: invalid request (name: must not be empty)', exitCode: ExitCodes.failed, code: 'VALIDATION_FAILED' });
  });

  it('makes a 503 "unavailable, retry" with its own exit code', () => {
    const error = gatewayError(503, JSON.stringify({ statusCode: 503, code: 'UNAVAILABLE', message: 'the event store is unavailable' }));
    expect(error).toMatchObject({ message: 'unavailable, retry: the event store is unavailable', exitCode: ExitCodes.unavailable });
    expect(gatewayError(503, '<html>Bad gateway</html>')).toMatchObject({ exitCode: ExitCodes.unavailable });
  });

  it('names only the status of an answer that is not a section 7 error (a proxy page, say)', () => {
    expect(gatewayError(502, '<html>upstream secret-looking text</html>')).toMatchObject({ message: 'the gateway answered 502', exitCode: ExitCodes.failed });
  });
});
