// A strict RFC 8259 JSON parser for traces. Pure; every failure is a one-line TraceError at `$` with line and column.
// Why not JSON.parse: on Node 20 a reviver cannot see a number's source text, so `1.0000000000000001` would read
// as the integer 1 and `9007199254740993` as 2^53 without a trace; engines also word their errors differently.
import { TraceError } from './trace-error.ts';

/** Objects and arrays nested deeper than this are rejected (a trace needs 5 levels); keeps recursion bounded. */
export const MAX_JSON_DEPTH = 256;

/** A JSON number that is not exactly an integer of magnitude ≤ 2^53−1, kept as its source text. */
export class InexactNumber {
  readonly text: string;
  /** true: the value has a fractional part; false: it is an integer too large for a JSON number in a trace. */
  readonly fraction: boolean;
  constructor(text: string, fraction: boolean) {
    this.text = text;
    this.fraction = fraction;
  }
}

/** A parsed JSON value: integers are numbers, every other number an InexactNumber; objects have a null prototype. */
export type JsonValue = null | boolean | number | string | InexactNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Parses one JSON text. Duplicate keys in an object are an error (which one would win is unspecified by RFC 8259). */
export function parseJson(text: string): JsonValue {
  return new Parser(text).document();
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const PLAIN_INTEGER = /^-?[0-9]+$/;
const VALID_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Parser {
  private readonly text: string;
  private pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  document(): JsonValue {
    const v = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected data after the JSON value');
    return v;
  }

  private value(depth: number): JsonValue {
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b) return this.object(depth + 1);
    if (c === 0x5b) return this.array(depth + 1);
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    if (c === 0x74) return this.literal('true', true);
    if (c === 0x66) return this.literal('false', false);
    if (c === 0x6e) return this.literal('null', null);
    return this.unexpected('a value');
  }

  private array(depth: number): JsonValue[] {
    if (depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    this.pos++;
    const out: JsonValue[] = [];
    if (this.peek() === 0x5d) return this.close(out);
    for (;;) {
      out.push(this.value(depth));
      const c = this.peek();
      if (c === 0x5d) return this.close(out);
      if (c !== 0x2c) return this.unexpected("',' or ']'");
      this.pos++;
    }
  }

  private object(depth: number): JsonObject {
    if (depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    this.pos++;
    const out: JsonObject = Object.create(null);
    if (this.peek() === 0x7d) return this.close(out);
    for (;;) {
      if (this.peek() !== 0x22) return this.unexpected('a string key');
      const at = this.pos;
      const key = this.string();
      if (this.peek() !== 0x3a) return this.unexpected("':'");
      this.pos++;
      const v = this.value(depth);
      // `in` sees own keys only: the object has no prototype.
      if (key in out) {
        this.pos = at;
        this.fail(`duplicate key ${JSON.stringify(key.slice(0, 40))}`);
      }
      out[key] = v;
      const c = this.peek();
      if (c === 0x7d) return this.close(out);
      if (c !== 0x2c) return this.unexpected("',' or '}'");
      this.pos++;
    }
  }

  /** Steps over the closing bracket or brace of `container`. */
  private close<T>(container: T): T {
    this.pos++;
    return container;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let p = start;
    let escaped = false;
    for (let c = t.charCodeAt(p); c !== 0x22; c = t.charCodeAt(p)) {
      if (c === 0x5c) {
        escaped = true;
        p += 2;
      } else if (c >= 0x20) p++;
      else {
        this.pos = Math.min(p, t.length); // NaN: past the end
        this.fail(p >= t.length ? 'unterminated string' : 'control character in a string (must be escaped)');
      }
    }
    this.pos = p + 1;
    if (!escaped) return t.slice(start, p);
    // The literal is delimited; the engine's own decoder handles the escapes, and a bad one is located below.
    try {
      return JSON.parse(t.slice(start - 1, p + 1)) as string;
    } catch {
      for (let i = t.indexOf('\\', start); i !== -1 && i < p; ) {
        VALID_ESCAPE.lastIndex = i;
        const m = VALID_ESCAPE.exec(t);
        if (m === null) {
          this.pos = i;
          this.fail('invalid escape in a string');
        }
        i = t.indexOf('\\', i + m[0].length);
      }
      this.pos = start - 1;
      return this.fail('invalid string');
    }
  }

  private number(): number | InexactNumber {
    // Fast path: up to 15 plain digits (< 2^53, so the running value stays exact) and no fraction or exponent.
    const t = this.text;
    const negative = t.charCodeAt(this.pos) === 0x2d;
    const first = this.pos + (negative ? 1 : 0);
    let p = first;
    let v = 0;
    for (let c = t.charCodeAt(p); c >= 0x30 && c <= 0x39; c = t.charCodeAt(++p)) v = v * 10 + (c - 0x30);
    const digits = p - first;
    const next = t.charCodeAt(p);
    if (digits > 0 && digits <= 15 && next !== 0x2e && next !== 0x65 && next !== 0x45 && (digits === 1 || t.charCodeAt(first) !== 0x30)) {
      this.pos = p;
      return negative ? 0 - v : v; // 0 - 0 is +0
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(t);
    const after = t.charCodeAt(this.pos + (m ? m[0].length : 0));
    if (!m || (after >= 0x30 && after <= 0x39) || after === 0x2e || after === 0x65 || after === 0x45) {
      this.fail('invalid number');
    }
    this.pos += m[0].length;
    return numberFromText(m[0]);
  }

  private literal<T>(word: string, v: T): T {
    if (!this.text.startsWith(word, this.pos)) this.unexpected('a value');
    this.pos += word.length;
    return v;
  }

  private peek(): number {
    this.skipSpace();
    return this.text.charCodeAt(this.pos);
  }

  private skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    for (let c = t.charCodeAt(p); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = t.charCodeAt(++p));
    this.pos = p;
  }

  private unexpected(wanted: string): never {
    if (this.pos >= this.text.length) this.fail('unexpected end of input');
    const ch = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0);
    this.fail(`expected ${wanted}, found ${JSON.stringify(ch)}`);
  }

  private fail(fault: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < this.pos; i = this.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    throw new TraceError('$', `invalid JSON at line ${line}, column ${this.pos - lineStart + 1}: ${fault}`);
  }
}

/**
 * The exact value of a JSON number lexeme: a JS number when it is an integer of magnitude ≤ 2^53−1 (the double then
 * holds it exactly), else an InexactNumber.
 */
export function numberFromText(text: string): number | InexactNumber {
  const v = Number(text);
  if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) return new InexactNumber(text, false);
  // A double that is not an integer rounds a value that is not one either (every double ≥ 2^52 is an integer).
  if (!Number.isInteger(v)) return new InexactNumber(text, true);
  if (PLAIN_INTEGER.test(text)) return v + 0; // + 0 turns -0 into 0
  // `1.0`, `2e3`, but also `1.0000000000000001`: decide on the decimal digits.
  const [, int, frac = '', exp = '0'] = /^-?([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text)!;
  const digits = (int + frac).replace(/^0+/, '');
  const kept = digits.replace(/0+$/, '');
  const scale = Number(exp) - frac.length + (digits.length - kept.length); // value = ±kept · 10^scale
  return kept === '' || scale >= 0 ? v + 0 : new InexactNumber(text, true);
}
