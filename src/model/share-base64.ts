// base64url without padding (RFC 4648 §5), strict: the share link's outer layer. Pure; no btoa/atob, no Buffer.
// Decoding accepts exactly what encoding produces (alphabet, length, zero trailing bits), so a link has one spelling.
import { damaged } from './share-error.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** The base64url text of `bytes`, without `=` padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(chunk >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes of a base64url text; anything encodeBase64Url cannot have produced is a `damaged` ShareError. */
export function decodeBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw damaged(`its length, ${text.length} characters, is impossible for this encoding`);
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) throw damaged(`character ${JSON.stringify(String.fromCodePoint(text.codePointAt(i)!))} at position ${i + 1} is not allowed`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw damaged('its last character is not one this encoding produces');
  return out;
}
