export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `value` in base62, most significant digit first, left-padded with `0` to `width`. */
export const toBase62 = (value: number, width: number): string => {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62_ALPHABET[v % 62] + out;
  return out.padStart(width, '0');
};

export const isBase62Code = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
