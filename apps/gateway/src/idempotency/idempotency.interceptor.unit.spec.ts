import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defer, lastValueFrom } from 'rxjs';
import { ErrorCodes, Subjects, type CommandReply, type SetKeyRolesRequest } from '@keyward/contracts';
import type { IdempotencyClaim, IdempotencyStore } from '@keyward/idempotency';
import { ROOT_PRINCIPAL } from '../auth/principal';
import { CommandClient } from '../commands/command.client';
import type { ConsistencyService } from '../consistency/consistency.service';
import { ApiError } from '../errors/api-error';
import { keyNotFound } from '../keys/key-id.pipe';
import { answering, fakeKeyCommand } from '../testing/key-command.fake';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { NotIdempotent } from './not-idempotent.decorator';

/** The record, in memory: what the interceptor asked of it. */
class RecordingStore {
  readonly claims: number[] = [];
  readonly released: boolean[] = [];
  readonly completed: { status: number; body: unknown; position?: string }[] = [];

  constructor(private readonly claimed: IdempotencyClaim) {}

  async claim(): Promise<IdempotencyClaim> {
    this.claims.push(1);
    return this.claimed;
  }

  async renew(): Promise<boolean> {
    return true;
  }

  async complete(_scope: string, _key: string, _token: string, status: number, body: unknown, position?: string): Promise<void> {
    this.completed.push({ status, body, position });
  }

  async release(_scope: string, _key: string, _token: string, forget: boolean): Promise<void> {
    this.released.push(forget);
  }
}

const context = { workspaceId: 'default', actor: 'root', correlationId: 'req-1', grants: ['*:write'], operator: true };

/** One write with an Idempotency-Key through the interceptor; `work` is the route, sending its commands through a real CommandClient. */
/** Route handlers, as Nest hands the interceptor the one it runs: an ordinary write, and one that keeps no answers. */
class Routes {
  write(): string {
    return 'written';
  }

  @NotIdempotent()
  brokered(): string {
    return 'sent';
  }
}

const write = (store: RecordingStore, reply: CommandReply<unknown>, work: (commands: CommandClient) => Promise<unknown>, consistent = true, handler = Routes.prototype.write, rawHeaders = ['Idempotency-Key', 'k-1']) => {
  const waited: string[] = [];
  const consistency = {
    waitFor: async (position: string) => {
      waited.push(position);
      return consistent;
    },
  } as unknown as ConsistencyService;
  const { nats, link } = fakeKeyCommand(answering(reply));
  const commands = new CommandClient(nats, link, consistency);
  const headers = new Map<string, string>();
  const response = {
    statusCode: 200,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    setHeader(name: string, value: string) {
      headers.set(name, value);
      return this;
    },
  };
  const request = {
    method: 'PUT',
    path: '/v1/keys/key_1/roles',
    originalUrl: '/v1/keys/key_1/roles',
    body: { roles: ['admin'] },
    rawHeaders,
    principal: ROOT_PRINCIPAL,
    correlationId: 'req-1',
  };
  const http = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }), getHandler: () => handler } as unknown as ExecutionContext;
  const interceptor = new IdempotencyInterceptor(store as unknown as IdempotencyStore, consistency, Buffer.alloc(32, 7), new Reflector());
  const answer = interceptor.intercept(http, { handle: () => defer(() => work(commands)) }).then((answered) => lastValueFrom(answered, { defaultValue: undefined }));
  return { answer, headers, waited };
};

const setRoles: SetKeyRolesRequest = { context, keyId: 'key_1', roles: [] };
const claimed: IdempotencyClaim = { outcome: 'claimed', token: 'token-1' };
const accepted: CommandReply<unknown> = { ok: true, result: { id: 'key_1' }, position: 'pos-7' };

describe('IdempotencyInterceptor', () => {
  it('refuses an Idempotency-Key on a route that keeps no answers (the broker), naming the header, and keeps nothing of a request without one', async () => {
    const refused = new RecordingStore(claimed);
    const sent: string[] = [];
    const { answer } = write(refused, accepted, async () => sent.push('sent'), true, Routes.prototype.brokered);
    await expect(answer).rejects.toMatchObject({ response: { statusCode: 400, details: [{ field: 'Idempotency-Key' }] } });
    expect({ claims: refused.claims, sent }).toEqual({ claims: [], sent: [] });

    const plain = new RecordingStore(claimed);
    const passed = write(plain, accepted, async () => ({ status: 200, body: 'a third party answer' }), true, Routes.prototype.brokered, []);
    expect(await passed.answer).toEqual({ status: 200, body: 'a third party answer' });
    expect({ claims: plain.claims, completed: plain.completed }).toEqual({ claims: [], completed: [] });
  });

  it('keeps the key bound when the command was committed and the route then failed with a 4xx (the key was deleted in between)', async () => {
    const store = new RecordingStore(claimed);
    const { answer } = write(store, accepted, async (commands) => {
      await commands.send(Subjects.keyCommand.setRoles, setRoles);
      throw keyNotFound();
    });
    await expect(answer).rejects.toMatchObject({ status: 404 });
    expect(store.released).toEqual([false]);
  });

  it('frees the key when key-command refused the command: nothing was written', async () => {
    const store = new RecordingStore(claimed);
    const { answer } = write(store, { ok: false, error: { code: ErrorCodes.keyNotFound, message: 'no such key' } }, (commands) => commands.send(Subjects.keyCommand.setRoles, setRoles));
    await expect(answer).rejects.toMatchObject({ status: 404 });
    expect(store.released).toEqual([true]);
  });

  it('frees the key when the request failed before any command was sent, whatever its status', async () => {
    const store = new RecordingStore(claimed);
    const { answer } = write(store, accepted, async () => {
      throw new ApiError(ErrorCodes.unavailable, 'the database is unavailable');
    });
    await expect(answer).rejects.toMatchObject({ status: 503 });
    expect(store.released).toEqual([true]);
  });

  it("keeps the answer with the position of the command's write", async () => {
    const store = new RecordingStore(claimed);
    const { answer } = write(store, accepted, async (commands) => (await commands.send(Subjects.keyCommand.setRoles, setRoles)).result);
    expect(await answer).toEqual({ id: 'key_1' });
    expect(store.completed).toEqual([{ status: 200, body: { id: 'key_1' }, position: 'pos-7' }]);
  });

  it('answers a repeat from the record once the followers reached its write, and says pending when they had not', async () => {
    const replay: IdempotencyClaim = { outcome: 'replay', status: 201, body: { id: 'key_1' }, position: 'pos-7' };
    const never = async (): Promise<unknown> => {
      throw new Error('a repeat sends no command');
    };
    const pending = write(new RecordingStore(replay), accepted, never, false);
    expect(await pending.answer).toEqual({ id: 'key_1' });
    expect(pending.waited).toEqual(['pos-7']);
    expect(pending.headers.get('Idempotent-Replayed')).toBe('true');
    expect(pending.headers.get('Keyward-Consistency')).toBe('pending');

    const current = write(new RecordingStore(replay), accepted, never, true);
    expect(await current.answer).toEqual({ id: 'key_1' });
    expect(current.waited).toEqual(['pos-7']);
    expect(current.headers.has('Keyward-Consistency')).toBe(false);
  });
});
