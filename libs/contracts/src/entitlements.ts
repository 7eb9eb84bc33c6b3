/** What a plan allows (product.md section 7). */
export interface Entitlements {
  /** Keys verify, and can be created. */
  readonly apiAccess: boolean;
  /** Keys with roles or per-resource permissions rather than full access. */
  readonly restrictedKeys: boolean;
  readonly customRoles: boolean;
  readonly shares: boolean;
  readonly credentialSharing: boolean;
}
