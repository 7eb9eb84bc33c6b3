import type { ConcurrencyError, UnchangedStream } from '@keyward/event-store';

/**
 * What one attempt at a command decided on besides its own stream: the other stream it read (the
 * workspace, for the plan and settings) at the version it used. The append happens only if that
 * stream is still there, so a decision made on a copy kept from an earlier command is never made
 * on stale data: when the stream moved, the copy is dropped and the command decides again.
 */
export class DecisionReads {
  /** `fresh`: kept copies may not be used; the other stream is read now (after a refusal on a kept copy). */
  constructor(readonly fresh = false) {}

  private read: { readonly stream: UnchangedStream; readonly kept: boolean; readonly forget: () => void } | undefined;

  /** The decision used `streamId` at `version`, from a copy `kept` from an earlier command or read just now; `forget` drops the copy. */
  used(streamId: string, version: bigint | null, kept: boolean, forget: () => void): void {
    if (this.read && this.read.stream.streamId !== streamId) throw new Error(`a decision may rest on one other stream, not ${this.read.stream.streamId} and ${streamId}`);
    this.read = { stream: { streamId, version }, kept, forget };
  }

  /**
   * A decision that appends nothing (a refusal, or nothing to change) is not checked by an append:
   * when it rested on a kept copy, true, and the copy is dropped, so that it is made again on the
   * stream as read now.
   */
  unchecked(): boolean {
    if (!this.read?.kept) return false;
    this.read.forget();
    return true;
  }

  /** For the append: the stream that must be unchanged. */
  get unchanged(): UnchangedStream | undefined {
    return this.read?.stream;
  }

  /** True when `error` is that stream having moved (its copy is then dropped): decide again. */
  moved(error: ConcurrencyError): boolean {
    if (this.read === undefined || error.streamId !== this.read.stream.streamId) return false;
    this.read.forget();
    return true;
  }
}
