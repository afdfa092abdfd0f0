// Unpacking a v1 link's packed document (layout: share-pack.ts) back into JSON text, for hostile bytes: every read is
// bounded, nothing is evaluated, and anything pack cannot have written is a `damaged` ShareError. Pure. FROZEN.
import { InexactNumber, parseJson, type JsonValue } from './json-parse.ts';
import { ShareError, damaged } from './share-error.ts';
import { Patterns, ROOT } from './share-pack.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The document's JSON text back from packed bytes (exactly `JSON.stringify` of the packed document). Anything pack
 * cannot have produced is a `damaged` ShareError; a text over `maxLength` characters is `too-large`, stopped as soon
 * as it passes the cap. Validating the document itself is restoreScenario's job.
 */
export function unpack(bytes: Uint8Array, maxLength: number): string {
  const end = bytes.indexOf(0);
  if (end < 0) throw damaged('its number section is missing');
  let skeleton: JsonValue;
  try {
    skeleton = parseJson(utf8.decode(bytes.subarray(0, end)));
  } catch {
    throw damaged('its contents are not valid JSON');
  }
  const patterns = new Patterns();
  const order: number[] = []; // pattern id of each number, in document order
  const counts: number[] = []; // numbers per pattern id
  const streamOrder: number[] = []; // pattern ids by their first number
  const survey = (v: JsonValue, pattern: number): void => {
    if (typeof v === 'number' || v instanceof InexactNumber) {
      if (v !== 0) throw damaged('a number is out of place'); // pack writes every number as 0
      if (counts[pattern] === undefined) {
        counts[pattern] = 0;
        streamOrder.push(pattern);
      }
      counts[pattern]++;
      order.push(pattern);
    } else if (Array.isArray(v)) {
      const element = patterns.id(pattern, '[');
      for (const e of v) survey(e, element);
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) survey(v[key], patterns.id(pattern, `.${key}`));
    }
  };
  survey(skeleton, ROOT);
  const reader = new Reader(bytes, end + 1);
  const streams: number[][] = [];
  for (const pattern of streamOrder) streams[pattern] = reader.stream(counts[pattern]);
  if (reader.pos !== bytes.length) throw damaged('it has data after its last number');
  return writeText(skeleton, streams, order, maxLength);
}

/** The JSON text of `skeleton` with each 0 replaced by the next number of its pattern's stream. */
function writeText(skeleton: JsonValue, streams: number[][], order: number[], maxLength: number): string {
  const next: number[] = streams.map(() => 0);
  // Keys and short strings repeat (one per step): quote each once.
  const quoted = new Map<string, string>();
  const quote = (t: string) => {
    if (t.length > 64) return JSON.stringify(t);
    let q = quoted.get(t);
    if (q === undefined) quoted.set(t, (q = JSON.stringify(t)));
    return q;
  };
  let out = '';
  let k = 0;
  const write = (v: JsonValue): void => {
    if (typeof v === 'number' || v instanceof InexactNumber) {
      const pattern = order[k++];
      out += streams[pattern][next[pattern]++];
    } else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ',';
        write(v[i]);
      }
      out += ']';
    } else if (typeof v === 'string') out += quote(v);
    else if (v === null || typeof v !== 'object') out += String(v);
    else {
      let sep = '{';
      for (const key of Object.keys(v)) {
        out += `${sep}${quote(key)}:`;
        sep = ',';
        write(v[key]);
      }
      out += sep === '{' ? '{}' : '}';
    }
    // Checked after every value, so the text outgrows the cap by at most one value.
    if (out.length > maxLength) throw new ShareError('too-large', `This link unpacks to a scenario of more than ${maxLength} characters, more than this page accepts.`);
  };
  write(skeleton);
  return out;
}

/** Reads streams and signed varints from `bytes`, starting at `pos`. */
class Reader {
  private readonly bytes: Uint8Array;
  pos: number;

  constructor(bytes: Uint8Array, pos: number) {
    this.bytes = bytes;
    this.pos = pos;
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) throw damaged('it ends too early');
    return this.bytes[this.pos++];
  }

  stream(count: number): number[] {
    const mode = this.byte();
    const out = new Array<number>(count);
    if (mode === 0) {
      for (let i = 0; i < count; i++) out[i] = this.varint();
      return out;
    }
    if (mode !== 1) throw damaged('a number section has an unknown kind');
    const distinct = new Array<number>(this.byte() + 1);
    for (let i = 0; i < distinct.length; i++) {
      const v = this.varint();
      distinct[i] = i === 0 ? v : distinct[i - 1] + v;
      if (i > 0 && (v < 1 || !Number.isSafeInteger(distinct[i]))) throw damaged('a number table is out of order');
    }
    for (let i = 0; i < count; i++) {
      const index = this.byte();
      if (index >= distinct.length) throw damaged('a number refers past its table');
      out[i] = distinct[index];
    }
    return out;
  }

  varint(): number {
    const first = this.byte();
    let magnitude = (first >> 1) & 63;
    // 6 + 7·7 bits hold 2^53−1; the check after each byte keeps the sum exact (below 2^53) or stops it.
    for (let b = first, scale = 64; b & 0x80; scale *= 128) {
      b = this.byte();
      if (b === 0) throw damaged('a number is not in its shortest form');
      magnitude += (b & 127) * scale;
      if (magnitude > Number.MAX_SAFE_INTEGER || scale > 2 ** 48) throw damaged('a number is too large');
    }
    if (first & 1 && magnitude === 0) throw damaged('a number is negative zero');
    return first & 1 ? -magnitude : magnitude;
  }
}
