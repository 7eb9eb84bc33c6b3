/** `/v1/keys/:id` and the routes under it, the id escaped: whatever is typed stays one path segment. */
export const keyPath = (id: string, below = ''): string => `/v1/keys/${encodeURIComponent(id)}${below}`;
