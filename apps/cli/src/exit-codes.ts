/**
 * What `keyward` exits with, so a script can tell a denial or a broken chain (an answer) from a
 * failure (a crash or a refused request) and from a dependency to retry.
 */
export const ExitCodes = {
  ok: 0,
  /** The request failed: refused by the gateway (4xx), bad credentials, or any other error. */
  failed: 1,
  /** The command line itself was wrong (unknown option, missing argument, bad value). */
  usage: 2,
  /** The answer is "no": verify answered anything but VALID, or the audit chain is broken. */
  negative: 3,
  /** The gateway, NATS or a verifier is down or unreachable: retry later. */
  unavailable: 4,
} as const;

export type ExitCode = (typeof ExitCodes)[keyof typeof ExitCodes];
