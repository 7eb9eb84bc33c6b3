import type { Credits, CreditsGeneration, IdentityDefinition } from '@keyward/contracts';

/** As created, with every change since folded in. */
export interface ExistingIdentity extends IdentityDefinition {
  readonly status: 'active' | 'deleted';
  readonly identityId: string;
  readonly workspaceId: string;
  /** As last set; `null`: none. */
  readonly credits: Credits | null;
  /** 0 until credits are first set; one more at each setting, cleared ones included (as a key's). */
  readonly creditsGeneration: CreditsGeneration;
  /** When the current generation was set: refills count from it. */
  readonly creditsSetAt: string | null;
  readonly createdAt: string;
  /** The last change of any kind. */
  readonly updatedAt: string;
}

export type IdentityState = { readonly status: 'absent' } | ExistingIdentity;
export const initialIdentityState: IdentityState = { status: 'absent' };
