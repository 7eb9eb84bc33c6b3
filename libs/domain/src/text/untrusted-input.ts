/**
 * Rules for any text and structure a caller sends, whatever the transport (REST body, query,
 * NATS command). One home, so the gateway and key-command refuse exactly the same input.
 */

/** A lone surrogate has no UTF-8 form and NUL has no place in PostgreSQL text or jsonb: neither can be stored. */
const UNSTORABLE = /[\0\p{Cs}]/u;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/**
 * No request of the API nests deeper than a few levels; deeper input is refused before any
 * recursive code (validation, transformation) sees it, so depth can never exhaust the stack.
 */
export const MAX_INPUT_DEPTH = 16;

export type InputProblem = 'too deep' | 'unstorable text' | 'reserved name';

/**
 * `__proto__`, `constructor`, `toString`…: a field named like what every object inherits is no
 * field of any request, and the DTO transformer would drop it silently instead of refusing it.
 */
const isReservedName = (name: string): boolean => name in Object.prototype;

/**
 * The first reason a parsed JSON value may not be taken in, or `undefined`. Iterative, so the
 * input's depth cannot exhaust the stack here either; it visits each value once.
 */
export const inputProblem = (value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | undefined => {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return 'unstorable text';
    } else if (typeof current === 'object' && current !== null) {
      if (depth >= maxDepth) return 'too deep';
      for (const [name, child] of Object.entries(current)) {
        if (!isStorableText(name)) return 'unstorable text';
        if (isReservedName(name)) return 'reserved name';
        pending.push([child, depth + 1]);
      }
    }
  }
  return undefined;
};
