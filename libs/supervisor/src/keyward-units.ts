import path from 'node:path';
import type { SupervisedUnit } from './supervisor';

/** Start order: the command side and the followers first, so the gateway finds them live; it stops first. */
export const KEYWARD_SERVICES = ['key-command', 'projector', 'verifier', 'webhook-sender', 'gateway'] as const;
export type KeywardService = (typeof KEYWARD_SERVICES)[number];

/** The built services of the repository at `root`; more than one verifier are `verifier-2`, `verifier-3`, … */
export const keywardUnits = (root: string, options: { readonly verifiers?: number } = {}): SupervisedUnit[] =>
  KEYWARD_SERVICES.flatMap((service) =>
    Array.from({ length: service === 'verifier' ? (options.verifiers ?? 1) : 1 }, (_, i) => ({
      name: i === 0 ? service : `${service}-${i + 1}`,
      script: path.join(root, 'apps', service, 'dist', 'main.js'),
    })),
  );
