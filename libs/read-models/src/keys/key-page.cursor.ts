/** Thrown for a cursor that this service did not hand out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

/** Where a page of the key table (newest first) ended: keyset pagination stays stable while keys are created. */
export interface KeyPageCursor {
  readonly createdAt: string;
  readonly id: string;
}

export const encodeKeyCursor = (row: { readonly createdAt: Date; readonly id: string }): string =>
  Buffer.from(JSON.stringify({ createdAt: row.createdAt.toISOString(), id: row.id } satisfies KeyPageCursor)).toString('base64url');

export const decodeKeyCursor = (cursor: string): KeyPageCursor => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) {
      const { createdAt, id } = value as Record<string, unknown>;
      if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt))) return { createdAt, id };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw new InvalidCursorError();
};
