// The packed form of a scenario document inside a v1 link: its JSON with the numbers moved out into typed streams,
// which deflate squeezes far better than decimal digits. Generic over documents (any kind). Pure. FROZEN: v1 links
// decode with this and share-unpack.ts forever; a change of layout is a new link version (share.ts), never an edit.
//
//   packed  = skeleton 0x00 stream… (nothing after the last stream)
//   skeleton: UTF-8 JSON text of the document with every number written as 0 (no 0x00 byte can occur in JSON text)
//   streams: one per number pattern (the number's path with array indices erased: `.steps[].values[]`), in the
//            order of each pattern's first number in document order; a stream holds its pattern's numbers in order:
//     0x00 value…                              each number as a signed varint
//     0x01 (d−1) distinct… index…              d ≤ 256 distinct values ascending (signed varints: the first, then
//                                              each difference ≥ 1), then one byte per number: its index among them
//   signed varint: first byte [more:1][magnitude bits 0–5][sign:1], then [more:1][next 7 magnitude bits]…;
//                  |value| ≤ 2^53−1, shortest form only, no −0.
import type { JsonDoc } from './scenario-json.ts';
import type { Json } from './trace-result.ts';

/** The pattern id of the document itself. */
export const ROOT = -1;

/** Interns number patterns as small ids: (parent, `.key`) for an object member, (parent, `[`) for an array element. */
export class Patterns {
  private readonly children: Map<string, number>[] = [];
  private readonly rootChildren = new Map<string, number>();
  private count = 0;
  id(parent: number, step: string): number {
    const children = parent === ROOT ? this.rootChildren : (this.children[parent] ??= new Map());
    let id = children.get(step);
    if (id === undefined) children.set(step, (id = this.count++)); // ids 0, 1, 2… in order of first use
    return id;
  }
}

/** The packed bytes of a document whose numbers are all safe integers (canonical documents are). */
export function pack(doc: JsonDoc): Uint8Array {
  const patterns = new Patterns();
  const streams = new Map<number, number[]>(); // insertion order = first appearance
  const zeroed = (v: Json, pattern: number): Json => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`pack: ${v} is not a safe integer`);
      (streams.get(pattern) ?? streams.set(pattern, []).get(pattern)!).push(v);
      return 0;
    }
    if (Array.isArray(v)) {
      const element = patterns.id(pattern, '[');
      return v.map((e) => zeroed(e, element));
    }
    if (v === null || typeof v !== 'object') return v;
    const out: { [key: string]: Json } = Object.create(null); // a `__proto__` key stays a key
    for (const key of Object.keys(v)) out[key] = zeroed(v[key], patterns.id(pattern, `.${key}`));
    return out;
  };
  const skeleton = new TextEncoder().encode(JSON.stringify(zeroed(doc, ROOT)));
  const bytes: number[] = [...skeleton, 0];
  for (const values of streams.values()) writeStream(bytes, values);
  return new Uint8Array(bytes);
}

/** Appends one stream, as a dictionary when that is shorter (ties go to plain varints). */
function writeStream(out: number[], values: number[]): void {
  const plain: number[] = [0];
  for (const v of values) writeVarint(plain, v);
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= 256) {
    const dict: number[] = [1, distinct.length - 1];
    distinct.forEach((v, i) => writeVarint(dict, i === 0 ? v : v - distinct[i - 1]));
    if (dict.length + values.length < plain.length) {
      const index = new Map(distinct.map((v, i) => [v, i]));
      for (const v of dict) out.push(v);
      for (const v of values) out.push(index.get(v)!);
      return;
    }
  }
  for (const v of plain) out.push(v);
}

/** Appends a signed varint (layout above). */
function writeVarint(out: number[], v: number): void {
  let m = Math.abs(v);
  let more = m >= 64;
  out.push((more ? 0x80 : 0) | ((m % 64) << 1) | (v < 0 ? 1 : 0));
  m = Math.floor(m / 64);
  while (more) {
    more = m >= 128;
    out.push((more ? 0x80 : 0) | (m % 128));
    m = Math.floor(m / 128);
  }
}
