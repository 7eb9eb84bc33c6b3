import type { SharedCount, SharedCountStore } from '@keyward/consistency';
import type { WindowCount } from './fixed-window';

export type StoredCount = SharedCount<WindowCount>;

/** The shared state every replica counts in. The limiter bounds each call: one that fails or is late counts as unreachable. */
export type CounterStore = SharedCountStore<WindowCount>;
