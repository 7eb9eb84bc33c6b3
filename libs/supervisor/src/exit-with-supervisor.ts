/**
 * Preloaded into every supervised service (`node --require`). The supervisor holds an IPC
 * channel to each service; when it goes away, even killed with SIGKILL, the channel closes and
 * the service shuts down as on SIGTERM, so nothing keeps running unsupervised. A service that
 * does not finish shutting down in 10 s is killed.
 */
const FORCE_AFTER_MS = 10_000;

if (process.channel) {
  // The channel must not keep a service alive that would otherwise exit.
  process.channel.unref();
  process.once('disconnect', () => {
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), FORCE_AFTER_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  });
}
