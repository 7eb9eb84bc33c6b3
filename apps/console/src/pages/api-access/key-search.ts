/** `kw_live_` / `kw_test_` and 4 characters: what the API keeps and shows of a key, and all a search needs. */
const KEY_PREFIX_LENGTH = 12;
const KEY_LIKE = /^kw_(live|test)_[0-9A-Za-z]+$/;

/**
 * What the key search sends for what was typed: a pasted key (or any longer piece of one) is cut to
 * its visible prefix, so the secret never goes into a request's URL, a proxy's log or the history.
 */
export const keySearchTerm = (typed: string): string => {
  const text = typed.trim();
  return KEY_LIKE.test(text) && text.length > KEY_PREFIX_LENGTH ? text.slice(0, KEY_PREFIX_LENGTH) : text;
};
