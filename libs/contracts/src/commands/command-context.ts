/** Who sends a command and from where; becomes the event metadata. */
export interface CommandContext {
  readonly workspaceId: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
}
