// CRC-32 (IEEE 802.3, the zlib/PNG polynomial): the share link's integrity check. Pure.
// Why a checksum: without one, about 2% of single-character typos in a v1 link still decode, to a different scenario.

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

/** CRC-32 of `bytes` as an unsigned 32-bit integer (`crc32("123456789")` is 0xcbf43926). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
