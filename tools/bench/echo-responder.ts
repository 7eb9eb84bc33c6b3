import { connect, type Msg } from 'nats';
import { keySecretDigest } from '@keyward/domain';

/**
 * The transport's own ceiling: a bare NATS responder that answers every request with its own
 * bytes, run as its own process exactly like a verifier, with the cheapest subscription the
 * client has (a callback, no async iterator).
 */
export const ECHO_SUBJECT = 'keyward.bench.echo';
/** The echo that does the work any verify must do (`work`), beside the bare one. */
export const WORK_ECHO_SUBJECT = 'keyward.bench.echo-work';

/**
 * With `work`: the transport plus what any verify must do (read the JSON, keyed-hash the secret,
 * answer a verify-sized JSON), and none of what the verifier adds (index, freshness, metrics).
 */
const answerWork = (pepper: Buffer, msg: Msg): Uint8Array => {
  const { key } = JSON.parse(Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength).toString('utf8')) as { key: string };
  const keyId = `key_${keySecretDigest(pepper, key).toString('hex', 0, 13)}`;
  return Buffer.from(JSON.stringify({ valid: true, code: 'VALID', keyId, workspaceId: 'default', name: 'bench key 0', environment: 'live', expiresAt: null, roles: [], permissions: ['*:write'] }));
};

const runEchoResponder = async (servers: string, work: boolean): Promise<void> => {
  const nats = await connect({ servers, name: 'keyward-bench-echo' });
  const pepper = Buffer.from(process.env.KEYWARD_PEPPER ?? '');
  const subject = work ? WORK_ECHO_SUBJECT : ECHO_SUBJECT;
  nats.subscribe(subject, {
    queue: subject,
    callback: work ? (_error, msg) => msg.respond(answerWork(pepper, msg)) : (_error, msg) => msg.respond(msg.data),
  });
  await nats.flush();
  const stop = (): void => void nats.drain().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  // Started by a bench through IPC: when the bench is gone, so is this responder.
  process.once('disconnect', stop);
  process.send?.('ready');
};

if (require.main === module)
  runEchoResponder(process.argv[2], process.argv[3] === 'work').catch((error: unknown) => {
    console.error(`echo responder: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
