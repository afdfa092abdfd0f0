// The session's results as CSV: the exported subnet replayed once more on the same engine, one row per epoch and uid.
import type { EpochEngine } from '../model/epoch.ts';
import { parseTrace } from '../model/trace.ts';
import { replayTrace } from '../model/replay.ts';
import { resultsCsv } from '../model/export-csv.ts';
import { docFromText } from './session-doc.ts';

/** CSV of every epoch of the subnet in `text` (a yuma-trace/1 export with playground labels), with neuron names. */
export function sessionResultsCsv(engine: EpochEngine, text: string): string {
  const trace = parseTrace(text);
  const names = docFromText(text).meta.map((m) => m.name);
  return resultsCsv(trace, replayTrace(trace, engine), names);
}
