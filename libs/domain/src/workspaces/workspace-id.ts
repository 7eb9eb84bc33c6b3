import { DEFAULT_WORKSPACE_ID } from '@keyward/contracts';
import { randomIds, type IdSource } from '../ids/id-source';

const WORKSPACE_ID = /^ws_[0-9A-Za-z]{20}$/;

export const newWorkspaceId = (ids: IdSource = randomIds): string => `ws_${ids(20)}`;

/** `ws_` and 20 base62 characters, or `default`, the workspace that exists from the start. */
export const isWorkspaceId = (value: unknown): value is string => typeof value === 'string' && (value === DEFAULT_WORKSPACE_ID || WORKSPACE_ID.test(value));
