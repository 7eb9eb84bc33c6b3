/**
 * A credential's value sealed with AES-256-GCM under that credential's own data key (product.md
 * 9.4), base64url: what events carry instead of the value. Useless without the data key, which
 * is kept wrapped by the master key outside the history and destroyed when the credential is.
 */
export interface SealedValue {
  /** 96-bit random nonce, new for every sealing. */
  readonly nonce: string;
  readonly ciphertext: string;
  /** The 128-bit GCM authentication tag. */
  readonly tag: string;
}
