// Files in and out: a scenario as a canonical document file, and a file's bytes back through restoreScenario.
// Pure (the UI does the download and the file picker). Results as CSV live in export-csv.ts.
import { MAX_TRACE_BYTES } from './json-text.ts';
import { restoreScenario, scenarioDocument, type Scenario } from './scenario.ts';
import { documentText } from './scenario-json.ts';
import { TraceError } from './trace-error.ts';

export { resultsCsv } from './export-csv.ts';

/** Largest file importScenarioFile reads (16 MiB, the trace reader's own cap), checked before anything else. */
export const MAX_IMPORT_BYTES = MAX_TRACE_BYTES;

/** A file to offer for download: its suggested name, MIME type and text. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** The scenario as its canonical document file (yuma-trace/1 for a subnet), named after the scenario. */
export function exportScenarioFile(s: Scenario): ExportFile {
  const doc = scenarioDocument(s);
  return { fileName: `${fileStem(typeof doc.name === 'string' ? doc.name : '')}.json`, mimeType: 'application/json', text: documentText(doc) };
}

/**
 * A scenario from an imported file's bytes, through the same restore path as links and saved sessions. Throws only
 * TraceError, its message led by `fileName` (`subnet.json: steps[3].uid: uid 9 out of range (n = 8)`).
 */
export function importScenarioFile(bytes: Uint8Array, fileName: string): Scenario {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new TraceError('$', `file is ${bytes.length} bytes, over the ${MAX_IMPORT_BYTES / 1024 / 1024} MiB a scenario file may have`, fileName);
  }
  return restoreScenario(bytes, fileName);
}

/** A file name stem from a label: letters, digits, `.`, `_` and `-` kept, runs of anything else one `-`; at most 60. */
export function fileStem(label: string): string {
  const stem = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60);
  return stem === '' ? 'scenario' : stem;
}
