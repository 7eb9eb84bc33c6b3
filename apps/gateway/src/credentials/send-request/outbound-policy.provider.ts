import type { Provider } from '@nestjs/common';
import { outboundPolicyFromEnv, type OutboundPolicy } from '@keyward/outbound';

/** The operator's limits on what the broker sends (`KEYWARD_OUTBOUND_*`), read once at start so a bad one stops the gateway. */
export const OUTBOUND_POLICY = Symbol('OUTBOUND_POLICY');

export const outboundPolicyProvider: Provider<OutboundPolicy> = { provide: OUTBOUND_POLICY, useFactory: (): OutboundPolicy => outboundPolicyFromEnv(process.env) };
