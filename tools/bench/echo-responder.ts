import { connect } from 'nats';

/**
 * The transport's own ceiling: a bare NATS responder that answers every request with its own
 * bytes, run as its own process exactly like a verifier, with the cheapest subscription the
 * client has (a callback, no async iterator).
 */
export const ECHO_SUBJECT = 'keyward.bench.echo';

const runEchoResponder = async (servers: string): Promise<void> => {
  const nats = await connect({ servers, name: 'keyward-bench-echo' });
  nats.subscribe(ECHO_SUBJECT, { queue: 'keyward-bench-echo', callback: (_error, msg) => msg.respond(msg.data) });
  await nats.flush();
  const stop = (): void => void nats.drain().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  // Started by a bench through IPC: when the bench is gone, so is this responder.
  process.once('disconnect', stop);
  process.send?.('ready');
};

if (require.main === module)
  runEchoResponder(process.argv[2]).catch((error: unknown) => {
    console.error(`echo responder: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
