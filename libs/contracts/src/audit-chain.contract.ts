/** Why the history departs from its hash chain at the first bad position (product.md 9.6). */
export const ChainBreaks = ['altered', 'removed', 'inserted', 'reordered'] as const;
export type ChainBreak = (typeof ChainBreaks)[number];

/** What `GET /v1/audit/chain` answers. */
export interface ChainReport {
  readonly ok: boolean;
  /** Links whose event was found in its place with the same hash, before the first bad one. */
  readonly checked: number;
  /** The last link of the range (the chain's head without `to`): an auditor keeps it elsewhere and compares later. */
  readonly head: { readonly position: string; readonly hash: string } | null;
  readonly firstBadPosition?: string;
  readonly reason?: ChainBreak;
}
