export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `value` (a non-negative integer) in base62, most significant digit first, left-padded with `0` to `width`. */
export const toBase62 = (value: number, width: number): string => {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62_ALPHABET[v % 62] + out;
  return out.padStart(width, '0');
};

/** The digit value of one UTF-16 code unit, or -1 when it is not a base62 character. */
export const base62Digit = (code: number): number => {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  if (code >= 97 && code <= 122) return code - 61; // a-z
  return -1;
};
