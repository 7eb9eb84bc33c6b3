/** A phone call the service placed, as its API shows it. */
export interface Call {
  readonly id: string;
  readonly workspaceId: string;
  readonly to: string;
  readonly createdAt: string;
  /** The key that placed it. */
  readonly createdBy: string;
}
