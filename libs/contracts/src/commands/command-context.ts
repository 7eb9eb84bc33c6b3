import type { RequestIdempotency } from '../idempotency';

/** Who sends a command and from where; becomes the event metadata. */
export interface CommandContext {
  readonly workspaceId: string;
  readonly actor: string;
  readonly correlationId: string;
  /** What caused the command when it is not the request itself (a leak report's id); default: `correlationId`. */
  readonly causationId?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  /**
   * The caller's effective permissions, as the gateway verified them for this request. key-command
   * refuses any change that would grant more than this (no privilege escalation). The bus is trusted.
   */
  readonly grants: readonly string[];
  /** The root key: operator powers (plans, workspaces) on top of everything in workspace `default`. */
  readonly operator: boolean;
  /** The request's `Idempotency-Key`, when it sent one: a repeat is answered from the events it wrote. */
  readonly idempotency?: RequestIdempotency;
}
