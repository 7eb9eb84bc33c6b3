import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * What pino blanks wherever it appears in a line: credentials in request headers, and any field
 * that may hold a key, the root key, the pepper or a request body. Message texts are ours and
 * never quote these; this is the net under them.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'key',
  '*.key',
  'secret',
  '*.secret',
  'rootKey',
  'pepper',
  'body',
  '*.body',
];

/**
 * Only the error's name and message: a stack trace is noise for an operator and may quote input;
 * no request may make a service log one.
 */
export const errorWithoutStack = (error: unknown): { type: string; message: string } =>
  error instanceof Error ? { type: error.name, message: error.message } : { type: 'unknown', message: String(error) };

/** One JSON object per line: `time`, `level` (label), `service`, `pid`, `msg`, and the caller's fields. */
export const createKeywardLogger = (service: string, destination?: DestinationStream): Logger =>
  pino(
    {
      level: process.env.LOG_LEVEL || 'info',
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      serializers: { err: errorWithoutStack },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
