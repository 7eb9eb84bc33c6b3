/**
 * Every NATS connection of a service reconnects forever, and soon: a restarted server is back in
 * use within half a second, well inside the 5 s promised for writes.
 */
export const NATS_RECONNECT = { maxReconnectAttempts: -1, reconnectTimeWait: 500 } as const;
