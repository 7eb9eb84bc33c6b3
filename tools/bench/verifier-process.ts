import { spawn, type ChildProcess } from 'node:child_process';
import { JSONCodec, type NatsConnection } from 'nats';
import { Subjects, type FollowerProgress, type VerifyAnswer } from '@keyward/contracts';
import { VERIFIER_MAIN } from './bench-env';
import { hasExited } from './child-process';

const CATCH_UP_MS = 180_000;
/** Long enough for every follower on a local server to answer a roll call. */
const ROLL_CALL_MS = 300;

const progress = JSONCodec<FollowerProgress>();

export const decodeAnswer = (data: Uint8Array): VerifyAnswer => JSON.parse(Buffer.from(data).toString('utf8')) as VerifyAnswer;

/** The ids of the verifiers that answer a roll call as caught up: each joined the verify queue group then. */
const caughtUpVerifiers = async (nats: NatsConnection): Promise<Set<string>> => {
  const ids = new Set<string>();
  const subscription = nats.subscribe(Subjects.followerProgress, {
    callback: (error, msg) => {
      if (error) return;
      const report = progress.decode(msg.data);
      if (report.kind === 'verifier' && report.caughtUp) ids.add(report.followerId);
    },
  });
  await nats.flush();
  nats.publish(Subjects.followerRollCall);
  await new Promise((r) => setTimeout(r, ROLL_CALL_MS));
  subscription.unsubscribe();
  return ids;
};

/**
 * Starts `count` built verifiers and resolves once that many verifiers on the bus report caught
 * up. Each process goes to `onStarted` at once, so that an interrupted start is cleaned up too.
 */
export const startVerifiers = async (count: number, env: NodeJS.ProcessEnv, nats: NatsConnection, onStarted: (child: ChildProcess) => void): Promise<ChildProcess[]> => {
  const children = Array.from({ length: count }, () => {
    // Any free port for /metrics: other verifiers (other benches, a running install) may hold the default.
    const child = spawn(process.execPath, [VERIFIER_MAIN], { env: { ...env, KEYWARD_VERIFIER_METRICS_PORT: '0' }, stdio: 'ignore' });
    onStarted(child);
    return child;
  });
  const deadline = Date.now() + CATCH_UP_MS;
  while (Date.now() < deadline) {
    if (children.some(hasExited)) throw new Error('a verifier exited before it caught up');
    if ((await caughtUpVerifiers(nats)).size >= count) return children;
  }
  throw new Error(`${count} verifier(s) did not catch up within ${CATCH_UP_MS / 1_000} s`);
};
