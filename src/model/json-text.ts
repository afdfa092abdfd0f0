// From bytes to JSON text: the size cap and strict UTF-8 decoding that come before any parsing.
// Pure (TextDecoder exists in browsers, workers and node); errors are TraceError at the root path `$`.
import { TraceError } from './trace-error.ts';

/** Largest trace accepted, in bytes (16 MiB): checked before decoding or parsing, so a huge file costs nothing. */
export const MAX_TRACE_BYTES = 16 * 1024 * 1024;

/** Throws TraceError when `byteLength` exceeds MAX_TRACE_BYTES. */
export function checkTraceSize(byteLength: number): void {
  if (byteLength > MAX_TRACE_BYTES) {
    throw new TraceError('$', `file is ${byteLength} bytes, over the 16 MiB limit (${MAX_TRACE_BYTES} bytes)`);
  }
}

/** UTF-8 length of a string, counting each lone surrogate as the 3 bytes of U+FFFD (TextEncoder's rule). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // the pair is 2 units and 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes strict UTF-8 (a leading BOM is dropped); throws TraceError naming the first bad byte. Checks the size cap first. */
export function decodeTraceBytes(bytes: Uint8Array): string {
  checkTraceSize(bytes.length);
  try {
    return decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const what = at < bytes.length ? `byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at}` : 'a sequence cut off at the end';
    throw new TraceError('$', `not valid UTF-8 (${what})`);
  }
}

/**
 * Offset of the first byte that makes `bytes` invalid UTF-8 (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF), or bytes.length for a truncated final sequence. Only called after a decode failed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return i + k;
      const c = bytes[i + k];
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i + k;
    }
    i += need + 1;
  }
  return bytes.length;
}
