import { Controller, Get, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type NatsConnection } from 'nats';
import { generateKeySecret } from '@keyward/domain';
import { requireEnv } from '@keyward/testing';
import { FakeVerifier, testVerifySubject } from '../testing/fake-verifier';
import { VALID_ANSWER } from '../testing/verify-answers';
import type { VerifiedKey } from '../verified-key';
import { KeyPrincipal } from './key-principal.decorator';
import { KeywardModule } from './keyward.module';
import { RequireKey } from './require-key.decorator';

jest.setTimeout(20_000);

const KEY = generateKeySecret('live');

@Controller()
class ProbeController {
  @Get('calls')
  @RequireKey('calls:read')
  list(@KeyPrincipal() key: VerifiedKey): { keyId: string } {
    return { keyId: key.keyId };
  }

  @Get('open')
  open(): string {
    return 'open';
  }
}

/** The module as an application uses it: HTTP in front, the fake verifier on the real NATS behind. */
describe('KeywardModule in a NestJS app on the real NATS', () => {
  const natsUrl = requireEnv('NATS_URL');
  const subject = testVerifySubject();
  let nats: NatsConnection;
  let verifier: FakeVerifier;
  let app: INestApplication | undefined;

  const serve = async (keyward: DynamicModule): Promise<string> => {
    @Module({ imports: [keyward], controllers: [ProbeController] })
    class ProbeModule {}
    app = await NestFactory.create(ProbeModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    return app.getUrl();
  };

  beforeAll(async () => {
    nats = await connect({ servers: natsUrl });
    verifier = await FakeVerifier.start(nats, subject, () => JSON.stringify(VALID_ANSWER));
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  afterAll(async () => {
    verifier?.stop();
    await nats?.drain();
  });

  it('forRoot({ natsUrl }) guards routes over a connection of its own', async () => {
    const url = await serve(KeywardModule.forRoot({ natsUrl, subject }));
    expect((await fetch(`${url}/open`)).status).toBe(200);
    const denied = await fetch(`${url}/calls`);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
    const allowed = await fetch(`${url}/calls`, { headers: { 'x-api-key': KEY } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ keyId: 'key_1' });
    expect(verifier.received).toContainEqual({ key: KEY, require: 'calls:read', ip: '127.0.0.1' });
  });

  it('forRootAsync({ connection }) uses the given connection and leaves it open on shutdown', async () => {
    const url = await serve(KeywardModule.forRootAsync({ useFactory: async () => ({ connection: nats, subject }) }));
    expect((await fetch(`${url}/calls?api_key=${KEY}`)).status).toBe(200);
    await app?.close();
    app = undefined;
    expect(nats.isClosed()).toBe(false);
  });
});
