// The strict UTF-8 check that locates the first bad byte must agree with the platform's fatal TextDecoder.
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/model/json-text.ts';

describe(firstInvalidUtf8, () => {
  it('finds a fault exactly when a fatal TextDecoder rejects the bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    let rejected = 0;
    for (let k = 0; k < 20000; k++) {
      // Mostly multi-byte lead and continuation bytes, where the rules are subtle.
      const bytes = Uint8Array.from({ length: 1 + (k % 7) }, () => { const b = next(); return b < 64 ? b : 0x80 | (b & 0x7f); });
      const valid = (() => { try { decoder.decode(bytes); return true; } catch { return false; } })();
      const complete = firstInvalidUtf8(Uint8Array.from([...bytes, 0x20])) === bytes.length + 1;
      expect(complete, `bytes ${[...bytes].map((b) => b.toString(16))}`).toBe(valid);
      if (!valid) rejected++;
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});
