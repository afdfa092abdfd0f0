// The share-link codec: round trips, the size of a typical link, the too-large answer, and every ShareError reason.
// The layers (base64url, CRC-32, pack) are checked on their own where their rules are easiest to see.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { restoreScenario, serializeScenario, type Scenario } from '../../src/model/scenario.ts';
import {
  MAX_HASH_LENGTH, MAX_INFLATED_BYTES, MAX_SHARE_LENGTH, MAX_UNPACKED_LENGTH, ShareError, decodeShare, encodeShare, isShareHash,
} from '../../src/model/share.ts';
import { decodeBase64Url, encodeBase64Url } from '../../src/model/share-base64.ts';
import { crc32 } from '../../src/model/share-crc32.ts';
import { pack } from '../../src/model/share-pack.ts';
import { unpack } from '../../src/model/share-unpack.ts';
import { traceOf, validTraceDoc } from './trace-fixture.ts';

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A typical playground subnet: 8 validators with stakes in whole TAO, 16 miners, a dense 8×16 weight matrix set as
 * users set it (each weight a multiple of 1/100, stored max-upscaled), then 20 steps of history, each one validator
 * re-setting its whole row followed by an epoch (40 trace steps).
 */
export function typicalScenario(seed: number): Scenario {
  const r = rng(seed);
  const validators = 8;
  const miners = 16;
  const n = validators + miners;
  const minerUids = Array.from({ length: miners }, (_, k) => validators + k);
  const row = () => minerUids.map(() => Math.round((Math.floor(r() * 101) / 100) * 65535));
  const upscale = (v: number[]) => v.map((x) => Math.round((x * 65535) / Math.max(1, ...v)));
  const steps: object[] = [];
  for (let s = 1; s <= 20; s++) {
    const block = 1000 + 100 * s;
    steps.push({ block, op: 'set_weights', uid: Math.floor(r() * validators), uids: minerUids, values: row() });
    steps.push({ block, op: 'epoch', rao_emission: 100_000_000_000 });
  }
  return restoreScenario({
    format: 'yuma-trace/1',
    name: 'typical subnet',
    n,
    start_block: 1000,
    hyperparameters: { tempo: 100, max_allowed_validators: 8, yuma3_enabled: true, liquid_alpha_enabled: true },
    alpha_stake: Array.from({ length: n }, (_, i) => (i < validators ? (1000 + Math.floor(r() * 99_000)) * 1e9 : 0)),
    last_update: new Array(n).fill(1000),
    validator_permit: Array.from({ length: n }, (_, i) => i < validators),
    weights: Array.from({ length: n }, (_, i) => (i < validators ? upscale(row()).map((v, k) => [minerUids[k], v]) : [])),
    steps,
    // The page's labels ride along in every link it makes: the default names V0…, M8… and the emission setting.
    playground: {
      neurons: Array.from({ length: n }, (_, i) => (i < validators ? { name: `V${i}`, role: 'validator' } : { name: `M${i}`, role: 'miner' })),
      rao_emission: 100_000_000_000,
      keep_alive: true,
    },
  });
}

const hashOf = (s: Scenario) => {
  const link = encodeShare(s);
  if (!('hash' in link)) throw new Error(`too large: ${link.bytes}`);
  return link.hash;
};
const shareFault = (hash: string): ShareError => {
  try {
    decodeShare(hash);
  } catch (e) {
    expect(e).toBeInstanceOf(ShareError);
    return e as ShareError;
  }
  throw new Error('decoded without error');
};
/** A v1 hash around arbitrary packed bytes (valid checksum), to reach the layers behind the checksum. */
const hashAround = (packed: Uint8Array) => {
  const payload = new Uint8Array([0, 0, 0, 0, ...deflateSync(packed)]);
  new DataView(payload.buffer).setUint32(0, crc32(packed));
  return `#v1/${encodeBase64Url(payload)}`;
};

describe(encodeShare, () => {
  it('encodes a typical 8 × 16 subnet with 20 steps of history in under 2,000 characters', () => {
    const lengths = [1, 2, 3, 4, 5].map((seed) => {
      const s = typicalScenario(seed);
      expect(traceOf(s).steps).toHaveLength(40);
      const hash = hashOf(s);
      expect(decodeShare(hash)).toEqual(s);
      return hash.length;
    });
    // Measured with fflate 0.8.3: 1,763–1,820 characters over 20 seeds; the plain JSON form needs ~2,550.
    for (const length of lengths) expect(length).toBeGreaterThan(1500);
    for (const length of lengths) expect(length).toBeLessThan(2000);
    expect(serializeScenario(typicalScenario(1)).length).toBeGreaterThan(7000);
  });

  it('writes #v1/ and base64url characters only, the same hash for the same scenario', () => {
    const s = restoreScenario(validTraceDoc());
    expect(hashOf(s)).toMatch(/^#v1\/[A-Za-z0-9_-]+$/);
    expect(hashOf(restoreScenario(validTraceDoc()))).toBe(hashOf(s));
  });

  it('answers tooLarge with the length when the link would pass the cap', () => {
    const r = rng(7);
    const n = 256;
    const s = restoreScenario({
      format: 'yuma-trace/1', n, alpha_stake: new Array(n).fill(1),
      weights: Array.from({ length: n }, () => Array.from({ length: n }, (_, j) => [j, Math.floor(r() * 65536)])), steps: [],
    });
    const link = encodeShare(s);
    expect(link).toMatchObject({ tooLarge: true, limit: MAX_SHARE_LENGTH });
    expect('bytes' in link && link.bytes).toBeGreaterThan(100_000);
  });

  it.each([
    ['packed form', 80_000, MAX_INFLATED_BYTES],
    ['JSON text', 150_000, MAX_UNPACKED_LENGTH],
  ])('answers tooLarge when the %s would pass what decodeShare accepts, however well it compresses', (_, count, limit) => {
    const s = restoreScenario({ format: 'yuma-trace/1', n: 1, alpha_stake: [1], steps: new Array(count).fill({ op: 'reset_bonds', uid: 0 }) });
    const link = encodeShare(s);
    expect(link).toMatchObject({ tooLarge: true, limit });
    expect('bytes' in link && link.bytes).toBeGreaterThan(limit);
  });
});

describe(decodeShare, () => {
  it('opens a hash with or without its leading #', () => {
    const s = restoreScenario(validTraceDoc());
    expect(decodeShare(hashOf(s))).toEqual(s);
    expect(decodeShare(hashOf(s).slice(1))).toEqual(s);
  });

  it.each([
    ['', 'not-a-link', 'This address holds no shared scenario (a share link ends in #v1/…).'],
    ['#about', 'not-a-link', 'This address holds no shared scenario (a share link ends in #v1/…).'],
    ['#v2/AAAA', 'newer-version', 'This link was made by a newer version of Yuma Playground (link version 2); this page opens links up to version 1. Reload to get the latest version.'],
    ['#v1/', 'damaged', 'This link is damaged (it is too short); it may have been cut off or changed when it was copied.'],
    ['#v1/AAAAA', 'damaged', 'This link is damaged (its length, 5 characters, is impossible for this encoding); it may have been cut off or changed when it was copied.'],
    ['#v1/AA AAA', 'damaged', 'This link is damaged (character " " at position 3 is not allowed); it may have been cut off or changed when it was copied.'],
    ['#v1/AB', 'damaged', 'This link is damaged (its last character is not one this encoding produces); it may have been cut off or changed when it was copied.'],
    ['#v1/AAAAAAcA', 'damaged', 'This link is damaged (its compressed data is corrupt); it may have been cut off or changed when it was copied.'],
    ['#v1/AAAAAAAA', 'damaged', 'This link is damaged (its compressed data is cut off); it may have been cut off or changed when it was copied.'],
  ])('rejects %j as %s', (hash, reason, message) => {
    expect(shareFault(hash)).toMatchObject({ reason, message });
  });

  it('rejects a hash over 64 KiB before decoding it', () => {
    expect(shareFault(`#v1/${'A'.repeat(MAX_HASH_LENGTH)}`)).toMatchObject({ reason: 'too-large', message: 'This link is 65540 characters long, more than the 65536 this page accepts.' });
  });

  it('says a link with its end cut off is cut off', () => {
    const hash = hashOf(restoreScenario(validTraceDoc()));
    const body = hash.slice(4);
    expect(shareFault(`#v1/${body.slice(0, body.length - (body.length % 4) - 8)}`).message).toBe('This link is damaged (its compressed data is cut off); it may have been cut off or changed when it was copied.');
  });

  it('rejects a link whose checksum does not match its contents', () => {
    const hash = hashOf(restoreScenario(validTraceDoc()));
    const flipped = `${hash.slice(0, 4)}${hash[4] === 'A' ? 'B' : 'A'}${hash.slice(5)}`;
    expect(shareFault(flipped).message).toBe('This link is damaged (its checksum does not match); it may have been cut off or changed when it was copied.');
  });

  it('stops inflating a deflate bomb at 2 MiB', () => {
    const hash = hashAround(new Uint8Array(16 * 1024 * 1024)); // 16 MiB of zeros deflate to a few KiB
    const started = performance.now();
    const error = shareFault(hash);
    expect(error).toMatchObject({ reason: 'too-large', message: `This link unpacks to more than ${MAX_INFLATED_BYTES} bytes, more than this page accepts.` });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports an invalid scenario with its JSON path and keeps the TraceError as the cause', () => {
    const doc = validTraceDoc();
    doc.steps[1].uid = 4;
    const error = shareFault(hashAround(pack(doc)));
    expect(error.reason).toBe('invalid');
    expect(error.message).toBe("This link's scenario is not valid: steps[1].uid: uid 4 out of range (n = 4)");
    expect(error.cause).toMatchObject({ name: 'TraceError', path: 'steps[1].uid' });
  });

  it('says a link holding a newer document format needs a newer version', () => {
    expect(shareFault(hashAround(pack({ format: 'yuma-trace/3' })))).toMatchObject({
      reason: 'newer-version',
      message: 'This link holds a scenario made by a newer version of Yuma Playground (yuma-trace/3). Reload to get the latest version.',
    });
  });
});

describe(isShareHash, () => {
  it('recognises any link version, valid or not, and nothing else', () => {
    expect(['#v1/x', 'v1/', '#v27/abc'].map(isShareHash)).toEqual([true, true, true]);
    expect(['', '#', '#v1', '#v0/x', '#v01/x', '#lesson/3'].map(isShareHash)).toEqual([false, false, false, false, false, false]);
  });
});

describe(encodeBase64Url, () => {
  it('matches RFC 4648 base64url without padding, and decodes back', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) & 255);
      const text = encodeBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(decodeBase64Url(text)).toEqual(bytes);
    }
  });
});

describe(crc32, () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe(unpack, () => {
  it('moves numbers into typed streams and unpacks to the exact JSON text', () => {
    const doc = { a: [1, -2, 3], b: { c: 9007199254740991, d: -9007199254740991 }, e: 'x', f: [[1, 2], [1, 2]], g: [] };
    const packed = pack(doc);
    const zero = packed.indexOf(0);
    expect(new TextDecoder().decode(packed.subarray(0, zero))).toBe('{"a":[0,0,0],"b":{"c":0,"d":0},"e":"x","f":[[0,0],[0,0]],"g":[]}');
    expect(unpack(packed, 1e6)).toBe(JSON.stringify(doc));
  });

  it('refuses to build a text longer than asked for', () => {
    expect(() => unpack(pack({ v: [123456789, 123456789] }), 20)).toThrow('This link unpacks to a scenario of more than 20 characters, more than this page accepts.');
  });

  it('uses a dictionary for a stream of few distinct values and plain varints otherwise', () => {
    const many = Array.from({ length: 50 }, (_, i) => (i % 3) * 1000);
    const packed = pack({ v: many });
    const streams = packed.subarray(packed.indexOf(0) + 1);
    expect([...streams.subarray(0, 6)]).toEqual([1, 2, 0, 0xd0, 0x0f, 0xd0]); // dictionary, 3 values: 0, +1000, +1000
    expect(streams).toHaveLength(1 + 1 + 1 + 2 + 2 + 50);
    expect([...pack({ v: [5, 64, -64] }).subarray(14)]).toEqual([0, 10, 0x80, 1, 0x81, 1]);
    expect(unpack(pack({ v: many }), 1e6)).toBe(JSON.stringify({ v: many }));
  });

  it.each([
    ['no number section', [0x5b, 0x30, 0x5d], 'its number section is missing'],
    ['a skeleton that is not JSON', [0x5b, 0x30, 0, 0], 'its contents are not valid JSON'],
    ['a non-zero number in the skeleton', [0x5b, 0x31, 0x5d, 0, 0, 2], 'a number is out of place'],
    ['a missing stream', [0x5b, 0x30, 0x5d, 0], 'it ends too early'],
    ['an unknown stream kind', [0x5b, 0x30, 0x5d, 0, 7, 2], 'a number section has an unknown kind'],
    ['trailing bytes', [0x5b, 0x30, 0x5d, 0, 0, 2, 9], 'it has data after its last number'],
    ['negative zero', [0x5b, 0x30, 0x5d, 0, 0, 1], 'a number is negative zero'],
    ['a varint that is not shortest', [0x5b, 0x30, 0x5d, 0, 0, 0x82, 0], 'a number is not in its shortest form'],
    ['a varint over 2^53−1', [0x5b, 0x30, 0x5d, 0, 0, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], 'a number is too large'],
    ['an endless varint', [0x5b, 0x30, 0x5d, 0, 0, ...new Array(20).fill(0x80), 1], 'a number is too large'],
    ['a dictionary index past its table', [0x5b, 0x30, 0x5d, 0, 1, 0, 2, 1], 'a number refers past its table'],
    ['a dictionary out of order', [0x5b, 0x30, 0x2c, 0x30, 0x5d, 0, 1, 1, 2, 0, 0, 1], 'a number table is out of order'],
  ])('rejects %s as damaged', (_, bytes, what) => {
    expect(() => unpack(new Uint8Array(bytes), 1e6)).toThrow(`This link is damaged (${what});`);
  });
});
