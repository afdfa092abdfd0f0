// A JSON Lines file of jobs (format §1): every non-blank line is one job, validated before any runs.
// Pure; failures are JobsFileError, whose message is the stderr line `line N: PATH: fault`.
import { TraceError } from '../model/trace-error.ts';
import { firstInvalidUtf8 } from '../model/json-text.ts';
import { parseSimJob } from './sim-job.ts';
import type { SimJob } from './sim-case.ts';

/** A job and its 1-based physical line number in the file (blank lines counted). */
export interface NumberedJob {
  line: number;
  job: SimJob;
}

/** An invalid line: `line` is 1-based, the message is `line N: PATH: fault` (one line). */
export class JobsFileError extends Error {
  readonly line: number;
  constructor(line: number, detail: string) {
    super(`line ${line}: ${detail}`.replace(/[\r\n\u2028\u2029]+/g, ' '));
    this.name = 'JobsFileError';
    this.line = line;
  }
}

const BLANK = /^[ \t\r\f\v\u00a0\ufeff]*$/;

/** Every job of the file, in order; throws JobsFileError for the first invalid line. No jobs → []. */
export function parseJobsText(text: string): NumberedJob[] {
  const lines = text.split('\n');
  const jobs: NumberedJob[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (BLANK.test(lines[i])) continue;
    try {
      jobs.push({ line: i + 1, job: parseSimJob(lines[i]) });
    } catch (e) {
      if (e instanceof TraceError) throw new JobsFileError(i + 1, e.message);
      // Anything else (a bug, an exhausted stack) still names the line and stays one line.
      throw new JobsFileError(i + 1, `$: cannot read job (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return jobs;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** parseJobsText on raw bytes: strict UTF-8 (a leading BOM is dropped), an invalid byte reported at its line. */
export function parseJobsBytes(bytes: Uint8Array): NumberedJob[] {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let k = 0; k < at && k < bytes.length; k++) if (bytes[k] === 0x0a) line++;
    throw new JobsFileError(line, `$: not valid UTF-8 (byte offset ${at})`);
  }
  return parseJobsText(text);
}
