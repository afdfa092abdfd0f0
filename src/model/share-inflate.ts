// Inflating a link's deflate stream with a hard output cap, so a few bytes that unpack to gigabytes cost nothing.
// Pure (fflate only). fflate inflates everything pushed at once, so input goes in small slices: a slice of
// SLICE bytes inflates to at most ~1032·SLICE bytes (deflate's largest ratio), the most the cap can be overshot by.
import { Inflate } from 'fflate';
import { ShareError, damaged } from './share-error.ts';

const SLICE = 1024;

/** The inflated bytes of a raw deflate stream; over `cap` bytes is a `too-large` ShareError, bad data `damaged`. */
export function inflateCapped(deflated: Uint8Array, cap: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > cap) throw new ShareError('too-large', `This link unpacks to more than ${cap} bytes, more than this page accepts.`);
    chunks.push(chunk);
    done = final;
  });
  try {
    for (let at = 0; at < deflated.length || at === 0; at += SLICE) {
      inflater.push(deflated.subarray(at, at + SLICE), at + SLICE >= deflated.length);
    }
  } catch (e) {
    if (e instanceof ShareError) throw e;
    // fflate's FlateError code 0 is "unexpected EOF".
    throw damaged((e as { code?: unknown }).code === 0 ? 'its compressed data is cut off' : 'its compressed data is corrupt');
  }
  if (!done) throw damaged('its compressed data is cut off');
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
