import type { ConsoleSession } from '@keyward/sessions';
import type { Principal } from '../auth/principal';
import type { SessionDto } from './session.response.dto';

/** The session as the console sees it: the caller as authenticated now, and the CSRF token (none for a bearer request). */
export const sessionView = (session: ConsoleSession | undefined, principal: Principal): SessionDto => ({
  csrfToken: session?.csrfToken ?? null,
  principal: { workspaceId: principal.workspaceId, keyId: principal.root ? null : principal.actor, root: principal.root, permissions: [...principal.grants] },
  createdAt: session?.createdAt ?? null,
});
