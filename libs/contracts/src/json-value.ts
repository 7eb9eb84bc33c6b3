/** JSON as the history stores it: free-form metadata, or the data of an event type this version does not know. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [field: string]: JsonValue };

/** A JSON object: key and identity metadata (product.md 9.2a). */
export type JsonObject = { readonly [field: string]: JsonValue };
