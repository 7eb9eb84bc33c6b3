import { connect } from 'nats';

/**
 * The transport's own ceiling: a bare NATS responder that answers every request with its own
 * bytes, run as its own process exactly like a verifier.
 */
export const ECHO_SUBJECT = 'keyward.bench.echo';

export const runEchoResponder = async (servers: string): Promise<void> => {
  const nats = await connect({ servers, name: 'keyward-bench-echo' });
  nats.subscribe(ECHO_SUBJECT, { queue: 'keyward-bench-echo', callback: (_error, msg) => msg.respond(msg.data) });
  process.send?.('ready');
  process.on('SIGTERM', () => void nats.drain().then(() => process.exit(0)));
};
