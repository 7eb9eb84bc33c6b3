import type { IdentityEvent } from '@keyward/contracts';
import { NO_META } from '../meta/json-meta';
import type { IdentityState } from './identity.state';

/** Folds one event into an identity's state; unknown events and events before it was created change nothing. */
export const evolveIdentity = (state: IdentityState, event: IdentityEvent): IdentityState => {
  if (event.type === 'IdentityCreated') {
    const { credits, createdAt, ...d } = event.data;
    return {
      status: 'active',
      ...d,
      meta: d.meta ?? NO_META,
      ratelimits: d.ratelimits ?? [],
      credits: credits ?? null,
      creditsGeneration: credits === undefined ? 0 : 1,
      creditsSetAt: credits === undefined ? null : createdAt,
      createdAt,
      updatedAt: createdAt,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'IdentityChanged': {
      const { externalId, meta, ratelimits, credits, changedAt } = event.data;
      return {
        ...state,
        ...(externalId === undefined ? {} : { externalId }),
        ...(meta === undefined ? {} : { meta }),
        ...(ratelimits === undefined ? {} : { ratelimits }),
        ...(credits === undefined ? {} : { credits: credits.credits, creditsGeneration: credits.generation, creditsSetAt: changedAt }),
        updatedAt: changedAt,
      };
    }
    case 'IdentityDeleted':
      return { ...state, status: 'deleted', updatedAt: event.data.deletedAt };
    default:
      return state;
  }
};
