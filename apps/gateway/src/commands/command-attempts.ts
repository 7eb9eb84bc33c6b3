import { AsyncLocalStorage } from 'node:async_hooks';
import { Observable } from 'rxjs';
import type { PositionToken } from '@keyward/contracts';

/**
 * What became of the commands one request sent, as its `Idempotency-Key` record needs it: whether
 * anything may have been written (a command was sent and key-command did not refuse it), and the
 * position a repeat must wait for. `CommandClient` writes it; the status of the HTTP answer cannot
 * tell (a 404 can follow a committed write).
 */
export class CommandAttempts {
  private sent = 0;
  private refused = 0;
  private written?: PositionToken;

  sending(): void {
    this.sent++;
  }

  /** key-command answered a rejection: it decided against the command and appended nothing. */
  rejected(): void {
    this.refused++;
  }

  accepted(position: PositionToken): void {
    this.written = position;
  }

  /** No command was sent, or key-command refused each one: the request certainly wrote nothing. */
  get wroteNothing(): boolean {
    return this.sent === this.refused;
  }

  /** Of the last command accepted (positions only grow): waiting for it covers the earlier ones. */
  get position(): PositionToken | undefined {
    return this.written;
  }
}

const current = new AsyncLocalStorage<CommandAttempts>();

/** The answer of `handle` (a request's handling), subscribed to so that the commands it sends are counted in `attempts`. */
export const trackingCommands = <T>(attempts: CommandAttempts, handle: () => Observable<T>): Observable<T> =>
  new Observable<T>((subscriber) => current.run(attempts, () => handle().subscribe(subscriber)));

/** The attempts of the request being handled, when something tracks them. */
export const trackedCommands = (): CommandAttempts | undefined => current.getStore();
