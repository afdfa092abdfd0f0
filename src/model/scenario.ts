// THE scenario schema: what the playground shares, saves and imports, and the one restore path every decoded payload
// (link, file, IndexedDB record) goes through. Pure; the only error is TraceError (`PATH: fault`). Each document
// kind brings its own reader and canonical writer (a subnet's in src/model, a chain's in src/chain); this file only
// dispatches on the document's `format`.
import { CHAIN_FORMAT, parseScenario, type Scenario as ChainDocument } from '../chain/scenario.ts';
import { writeScenario } from '../chain/scenario-write.ts';
import { parseJson, type JsonValue } from './json-parse.ts';
import { MAX_TRACE_BYTES, checkTraceSize, decodeTraceBytes, utf8Length } from './json-text.ts';
import { documentText, jsonTextOf, type JsonDoc } from './scenario-json.ts';
import { playgroundJson, readPlaygroundLabels, type PlaygroundLabels } from './scenario-labels.ts';
import { traceDocument } from './scenario-trace.ts';
import { TRACE_FORMAT, parseTrace, type Trace } from './trace.ts';
import { TraceError, quote } from './trace-error.ts';
import { describe } from './trace-fields.ts';

export type { JsonDoc } from './scenario-json.ts';

/** A document in a newer version of a format this version knows (`yuma-trace/2`): the user needs a newer playground. */
export class NewerFormatError extends TraceError {
  /** The document's format, e.g. `yuma-trace/2`. */
  readonly format: string;
  /** The version of that format this playground reads, e.g. `yuma-trace/1`. */
  readonly reads: string;

  constructor(format: string, reads: string, file?: string) {
    super('format', `${quote(format)} was made by a newer version of Yuma Playground; this version reads ${quote(reads)}`, file);
    this.format = format;
    this.reads = reads;
  }

  override inFile(file: string): NewerFormatError {
    return new NewerFormatError(this.format, this.reads, file);
  }
}

/** One subnet and the steps applied to it (yuma-trace/1), with the playground's labels when it has them. */
export interface SubnetScenario {
  kind: 'subnet';
  trace: Trace;
  labels?: PlaygroundLabels;
}

/** A whole chain (yuma-chain/1, src/chain): its starting state, the actions at given blocks, and `blocks` to step. */
export interface ChainScenario {
  kind: 'chain';
  chain: ChainDocument;
}

/** Everything the playground can share or save. A new kind is one more member here plus one entry in CODECS. */
export type Scenario = SubnetScenario | ChainScenario;
export type ScenarioKind = Scenario['kind'];

/** How one kind of scenario is read and written. */
interface ScenarioCodec<S extends Scenario> {
  /** The document's `format` value, `family/version`. */
  format: string;
  /** Validates a whole document text with the format's own reader; throws TraceError. */
  parse(text: string): S;
  /** The canonical document: only fields that differ from the format's defaults, u64 over 2^53−1 as strings. */
  document(s: S): JsonDoc;
}

const CODECS: { [K in ScenarioKind]: ScenarioCodec<Extract<Scenario, { kind: K }>> } = {
  subnet: {
    format: TRACE_FORMAT,
    parse: (text) => {
      const trace = parseTrace(text);
      const labels = readPlaygroundLabels(text, trace);
      return labels ? { kind: 'subnet', trace, labels } : { kind: 'subnet', trace };
    },
    document: (s) => {
      const playground = s.labels && playgroundJson(s.labels, s.trace);
      return playground === undefined ? traceDocument(s.trace) : { ...traceDocument(s.trace), playground };
    },
  },
  chain: {
    format: CHAIN_FORMAT,
    parse: (text) => ({ kind: 'chain', chain: parseScenario(text) }),
    document: (s) => writeScenario(s.chain),
  },
};

const codecs = Object.values(CODECS) as ScenarioCodec<Scenario>[];

/** The scenario document formats this version reads, e.g. `["yuma-trace/1"]`. */
export const SCENARIO_FORMATS: readonly string[] = codecs.map((c) => c.format);

/**
 * Validates a decoded payload and returns the Scenario it describes. `input` is a document as JSON text, as UTF-8
 * bytes (a file), or as a JSON value (an IndexedDB record; bigints allowed). Whatever the source, the text goes
 * through the same reader as a file of that format. Throws TraceError (prefixed by `label` when given), never
 * anything else: a newer format version, an unknown format, a malformed or out-of-range document.
 */
export function restoreScenario(input: unknown, label?: string): Scenario {
  try {
    let text: string;
    if (typeof input === 'string') {
      // A UTF-16 unit is at most 3 UTF-8 bytes, so short texts skip the byte count.
      if (input.length > MAX_TRACE_BYTES / 3) checkTraceSize(utf8Length(input));
      text = input;
    } else if (input instanceof Uint8Array) text = decodeTraceBytes(input);
    else text = jsonTextOf(input);
    return codecForText(text).parse(text);
  } catch (e) {
    if (!(e instanceof TraceError)) throw new TraceError('$', `cannot read scenario (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, label);
    throw label === undefined ? e : e.inFile(label);
  }
}

/** The canonical document of `s`, as a JSON value (what IndexedDB may store; restoreScenario reads it back). */
export function scenarioDocument(s: Scenario): JsonDoc {
  return (CODECS[s.kind] as ScenarioCodec<Scenario>).document(s);
}

/** The canonical document of `s` as compact JSON text: deterministic, and restoreScenario of it equals `s`. */
export function serializeScenario(s: Scenario): string {
  return JSON.stringify(scenarioDocument(s));
}

/** The canonical document laid out for a file (one key, row or step per line); the same content as serializeScenario. */
export function scenarioFileText(s: Scenario): string {
  return documentText(scenarioDocument(s));
}

const VERSIONED = /^([a-z][a-z0-9-]*)\/([0-9]{1,9})$/;
const LEADING_FORMAT = /^[ \t\r\n]*\{[ \t\r\n]*"format"[ \t\r\n]*:[ \t\r\n]*"([a-z0-9/-]{1,40})"/;

/**
 * The codec for a document text. Canonical documents (links, exported files) start with their `format`, which picks
 * the reader without a parse of its own; the reader then validates everything, that key included. Any other text is
 * parsed once to find `format` (readers take text only: trace.ts has no entry point for a parsed value).
 */
function codecForText(text: string): ScenarioCodec<Scenario> {
  const leading = LEADING_FORMAT.exec(text);
  const codec = leading && codecs.find((c) => c.format === leading[1]);
  return codec || codecFor(parseJson(text));
}

/** The codec for the document's `format`, or a TraceError that says why there is none. */
function codecFor(doc: JsonValue): ScenarioCodec<Scenario> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !('format' in doc)) {
    const got = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? 'an object without "format"' : describe(doc);
    throw new TraceError('$', `expected a scenario document (${SCENARIO_FORMATS.map(quote).join(' or ')}), got ${got}`);
  }
  const format = doc.format;
  const codec = codecs.find((c) => c.format === format);
  if (codec) return codec;
  const m = typeof format === 'string' ? VERSIONED.exec(format) : null;
  const known = m && codecs.find((c) => c.format.startsWith(`${m[1]}/`));
  if (m && known && Number(m[2]) > Number(known.format.split('/')[1])) {
    throw new NewerFormatError(format as string, known.format);
  }
  throw new TraceError('format', `unknown scenario format ${describe(format)} (this version reads ${SCENARIO_FORMATS.map(quote).join(', ')})`);
}
