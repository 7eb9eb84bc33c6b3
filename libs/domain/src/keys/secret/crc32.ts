/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) by table; node 20 has no `zlib.crc32`. */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 of the first `end` characters of an ASCII string (each character is one byte), as an
 * unsigned 32-bit number. Taking `end` lets the checksum be computed in place, without slicing.
 */
export const crc32 = (ascii: string, end = ascii.length): number => {
  let crc = 0xffffffff;
  for (let i = 0; i < end; i++) crc = TABLE[(crc ^ ascii.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};
