// stateHash: a deterministic 64-bit FNV-1a over a canonical serialisation of any plain value (object
// keys sorted, bigint and number kept apart), identical in node, browsers and workers. Synchronous, no
// crypto: it identifies a state, it does not protect it.

const PRIME_LO = 0x1b3; // FNV-1a 64 prime 0x100000001b3 = 2^40 + 0x1b3
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;

/** Incremental FNV-1a 64 on 32-bit halves (exact: every intermediate stays below 2^53). */
class Fnv64 {
  private hi = OFFSET_HI;
  private lo = OFFSET_LO;

  byte(b: number): void {
    const lo = (this.lo ^ b) >>> 0;
    const product = lo * PRIME_LO;
    const carry = Math.floor(product / 0x100000000);
    this.hi = (Math.imul(this.hi, PRIME_LO) + ((lo << 8) >>> 0) + carry) >>> 0;
    this.lo = product >>> 0;
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) this.byte(c);
      else {
        this.byte(0x80 | (c & 0x7f));
        this.byte(c >> 7);
      }
    }
  }

  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}

function feed(h: Fnv64, v: unknown): void {
  switch (typeof v) {
    case 'bigint': h.text(`n${v};`); return;
    case 'number': h.text(`d${Object.is(v, -0) ? 0 : v};`); return;
    case 'boolean': h.text(v ? 't' : 'f'); return;
    case 'string': h.text(`s${v.length}:`); h.text(v); return;
    case 'undefined': h.text('u'); return;
    case 'object':
      if (v === null) { h.text('z'); return; }
      if (Array.isArray(v)) {
        h.text(`[${v.length}:`);
        for (const x of v) feed(h, x);
        h.text(']');
        return;
      }
      {
        const keys = Object.keys(v).sort();
        h.text(`{${keys.length}:`);
        for (const k of keys) {
          h.text(`s${k.length}:`);
          h.text(k);
          feed(h, (v as Record<string, unknown>)[k]);
        }
        h.text('}');
      }
      return;
    default:
      throw new Error(`stateHash: cannot hash a ${typeof v}`);
  }
}

/** 16 hex digits identifying the value; equal for structurally equal plain data. */
export function stateHash(value: unknown): string {
  const h = new Fnv64();
  feed(h, value);
  return h.hex();
}
