// Share links: a scenario in the URL hash, as a versioned codec. Pure: the caller reads and writes `location.hash`.
// Decoding is for hostile input: every size is capped before the work it bounds, nothing is evaluated, and the
// scenario goes through restoreScenario like a file. Old versions decode forever (tests/model/fixtures/links/).
//
//   #v1/<base64url, no padding>( crc32(packed) as 4 bytes big-endian ‖ deflate-raw(packed) )
//   packed = pack(canonical document), share-pack.ts; the checksum is verified before anything reads the bytes.
import { deflateSync } from 'fflate';
import { NewerFormatError, restoreScenario, scenarioDocument, type Scenario } from './scenario.ts';
import { decodeBase64Url, encodeBase64Url } from './share-base64.ts';
import { crc32 } from './share-crc32.ts';
import { ShareError, damaged } from './share-error.ts';
import { inflateCapped } from './share-inflate.ts';
import { pack } from './share-pack.ts';
import { unpack } from './share-unpack.ts';
import { TraceError } from './trace-error.ts';

export { ShareError, type ShareFault } from './share-error.ts';

/** The link version this code writes. */
export const SHARE_VERSION = 1;
/** Longest hash encodeShare writes; a larger scenario goes to a file instead. */
export const MAX_SHARE_LENGTH = 8000;
/** Longest hash decodeShare looks at: checked first, before any decoding. */
export const MAX_HASH_LENGTH = 64 * 1024;
/**
 * Most bytes a link may inflate to (its packed form); inflation stops as soon as it is passed. With the text cap below
 * it bounds the worst decode to well under a second; the largest golden trace (n = 512) packs to 237 KB.
 */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;
/** Longest scenario JSON text a link may unpack to (numbers take more room as digits than packed). */
export const MAX_UNPACKED_LENGTH = 4 * 1024 * 1024;

const LINK = /^#?v([1-9][0-9]*)\//;

/** encodeShare's answer: the hash, or the size that was over its limit (`bytes > limit`). */
export type ShareLink = { hash: string } | { tooLarge: true; bytes: number; limit: number };

/**
 * The share hash of `s` (`#v1/…`), or `tooLarge` when the hash would be longer than MAX_SHARE_LENGTH characters
 * (`bytes` = its length) or unpack to more than decodeShare accepts (`bytes` = packed bytes or text length, `limit` =
 * MAX_INFLATED_BYTES or MAX_UNPACKED_LENGTH): the UI offers a file instead.
 */
export function encodeShare(s: Scenario): ShareLink {
  const doc = scenarioDocument(s);
  const length = JSON.stringify(doc).length; // what unpack will rebuild
  if (length > MAX_UNPACKED_LENGTH) return { tooLarge: true, bytes: length, limit: MAX_UNPACKED_LENGTH };
  const packed = pack(doc);
  if (packed.length > MAX_INFLATED_BYTES) return { tooLarge: true, bytes: packed.length, limit: MAX_INFLATED_BYTES };
  const deflated = deflateSync(packed, { level: 9 });
  const payload = new Uint8Array(4 + deflated.length);
  new DataView(payload.buffer).setUint32(0, crc32(packed));
  payload.set(deflated, 4);
  const hash = `#v${SHARE_VERSION}/${encodeBase64Url(payload)}`;
  return hash.length > MAX_SHARE_LENGTH ? { tooLarge: true, bytes: hash.length, limit: MAX_SHARE_LENGTH } : { hash };
}

/** True when `hash` claims to be a share link of some version (`#v<digits>/…`), valid or not. */
export function isShareHash(hash: string): boolean {
  return LINK.test(hash);
}

/**
 * The scenario in a share hash (with or without the leading `#`). Throws only ShareError, whose `reason` says what
 * went wrong and whose message says so in one line a person can act on.
 */
export function decodeShare(hash: string): Scenario {
  try {
    return decode(hash);
  } catch (e) {
    if (e instanceof ShareError) throw e;
    // Not reachable by design (every layer throws ShareError or TraceError); kept so the page can never crash on a link.
    throw new ShareError('damaged', `This link could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`, { cause: e });
  }
}

function decode(hash: string): Scenario {
  if (hash.length > MAX_HASH_LENGTH) {
    throw new ShareError('too-large', `This link is ${hash.length} characters long, more than the ${MAX_HASH_LENGTH} this page accepts.`);
  }
  const m = LINK.exec(hash);
  if (m === null) throw new ShareError('not-a-link', 'This address holds no shared scenario (a share link ends in #v1/…).');
  const version = Number(m[1]);
  if (version > SHARE_VERSION) {
    throw new ShareError('newer-version', `This link was made by a newer version of Yuma Playground (link version ${m[1]}); this page opens links up to version ${SHARE_VERSION}. Reload to get the latest version.`);
  }
  if (version !== 1) throw new ShareError('damaged', `This link has an unknown version (${m[1]}); it may have been changed when it was copied.`);
  const payload = decodeBase64Url(hash.slice(m[0].length));
  if (payload.length < 5) throw damaged('it is too short');
  const packed = inflateCapped(payload.subarray(4), MAX_INFLATED_BYTES);
  if (crc32(packed) !== new DataView(payload.buffer, payload.byteOffset).getUint32(0)) throw damaged('its checksum does not match');
  const text = unpack(packed, MAX_UNPACKED_LENGTH);
  try {
    return restoreScenario(text);
  } catch (e) {
    if (!(e instanceof TraceError)) throw e;
    if (e instanceof NewerFormatError) {
      throw new ShareError('newer-version', `This link holds a scenario made by a newer version of Yuma Playground (${e.format}). Reload to get the latest version.`, { cause: e });
    }
    throw new ShareError('invalid', `This link's scenario is not valid: ${e.message}`, { cause: e });
  }
}
