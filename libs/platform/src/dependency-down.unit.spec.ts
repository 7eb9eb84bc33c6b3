import { NatsError } from 'nats';
import { QueryFailedError } from 'typeorm';
import { isDependencyDown, isPostgresDataError } from './dependency-down';

/** An error as `pg` builds it: a message and, from the server, a SQLSTATE code. */
const pgError = (message: string, code?: string): Error => Object.assign(new Error(message), code ? { code } : {});

describe('isDependencyDown', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', pgError('read ECONNRESET', 'ECONNRESET')],
    ['an immediate or fast shutdown (57P01)', pgError('terminating connection due to administrator command', '57P01')],
    ['a crash of another backend (57P02)', pgError('terminating connection because of crash of another server process', '57P02')],
    ['a server starting up or shutting down (57P03)', pgError('the database system is starting up', '57P03')],
    ['a connection exception (class 08)', pgError('connection failure', '08006')],
    ['too many connections (53300)', pgError('sorry, too many clients already', '53300')],
    ['a connection that ended under a query', pgError('Connection terminated unexpectedly')],
    ['a connection ended on purpose', pgError('Connection terminated')],
    ['a pool with no client to give in time', pgError('timeout exceeded when trying to connect')],
    ['a client that broke before', pgError('Client has encountered a connection error and is not queryable')],
    ['a closed NATS connection', NatsError.errorForCode('CONNECTION_CLOSED')],
    ['a NATS disconnect', NatsError.errorForCode('DISCONNECT')],
  ])('is true for %s', (_, error) => {
    expect(isDependencyDown(error)).toBe(true);
  });

  it('looks through TypeORM and `cause` wrappers', () => {
    const driverError = pgError('terminating connection due to administrator command', '57P01');
    expect(isDependencyDown(new QueryFailedError('SELECT 1', [], driverError))).toBe(true);
    expect(isDependencyDown(new Error('reading the keys failed', { cause: pgError('connect ECONNREFUSED', 'ECONNREFUSED') }))).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('duplicate key value violates unique constraint "keys_pkey"', '23505')],
    ['bad input for jsonb', pgError('unsupported Unicode escape sequence', '22P05')],
    ['a syntax error', pgError('syntax error at or near "SELEC"', '42601')],
    ['a query cancelled on a timeout of ours', pgError('canceling statement due to statement timeout', '57014')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a wrapped bug', new QueryFailedError('SELECT 1', [], pgError('division by zero', '22012'))],
    ['a NATS timeout', NatsError.errorForCode('TIMEOUT')],
    ['not an error at all', 'Connection terminated'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDependencyDown(error)).toBe(false);
  });

  it('stops unwrapping at a bounded depth, even on a cycle', () => {
    const loop = new Error('outer') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(isDependencyDown(loop)).toBe(false);
  });
});

describe('isPostgresDataError', () => {
  it('finds a data exception (class 22) through TypeORM and cause wrappers, and nothing else', () => {
    const outOfRange = Object.assign(new Error('date/time field value out of range'), { code: '22008' });
    expect(isPostgresDataError(outOfRange)).toBe(true);
    expect(isPostgresDataError(Object.assign(new Error('query failed'), { driverError: outOfRange }))).toBe(true);
    expect(isPostgresDataError(new Error('wrapped', { cause: outOfRange }))).toBe(true);
    expect(isPostgresDataError(Object.assign(new Error('terminated'), { code: '57P01' }))).toBe(false);
    expect(isPostgresDataError(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
    expect(isPostgresDataError(new Error('no code'))).toBe(false);
  });
});
