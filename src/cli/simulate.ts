// `npm run -s yuma -- simulate --jobs FILE`: the headless runner of shared/formats/yuma-sim-case.md.
// Dispatched from src/cli/yuma.ts. Exit 0 with one result line per job; 2 with one stderr line for an
// invalid line, file or usage (stdout then stays empty); 1 with one line for an internal error.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { JobsFileError, parseJobsBytes, type NumberedJob } from '../variants/jobs-file.ts';
import { firstNonFinite, simResultJson } from '../variants/sim-result.ts';
import type { VariantsEngine } from '../variants/wasm-variants.ts';
import { InputError, firstLine } from './read-input.ts';

/** Where the command writes (the same shape as yuma.ts's CliIo): `stdout` gets whole text, `stderr` one line without newline. */
export interface SimulateIo {
  stdout(text: string): void;
  stderr(line: string): void;
}

export const SIMULATE_USAGE = 'usage: yuma simulate --jobs JOBS.jsonl';

/** Largest jobs file (bytes): room for tens of thousands of 40-epoch jobs, checked before reading. */
export const MAX_JOBS_BYTES = 128 * 1024 * 1024;

/** Runs `simulate` with the arguments after the command name; returns the exit code. Never throws. */
export async function runSimulateCommand(args: string[], io: SimulateIo): Promise<number> {
  const fail = (code: number, line: string) => (io.stderr(line.replace(/[\r\n]+/g, ' ')), code);
  try {
    const parsed = parseArgs(args);
    if ('help' in parsed) return io.stdout(`${SIMULATE_USAGE}\n`), 0;
    if ('usage' in parsed) return fail(2, parsed.usage);
    const { file } = parsed;
    let jobs: NumberedJob[];
    try {
      jobs = parseJobsBytes(readJobsFile(inputPath(file), file));
    } catch (e) {
      if (e instanceof InputError || e instanceof JobsFileError) return fail(2, e.message);
      throw e;
    }
    if (jobs.length === 0) return 0;
    let engine: VariantsEngine;
    try {
      engine = await (await import('../variants/node-loader.ts')).loadVariantsEngineNode();
    } catch (e) {
      return fail(1, `yuma: cannot load the wasm engine: ${firstLine(e)}`);
    }
    const lines = new Array<string>(jobs.length);
    for (let k = 0; k < jobs.length; k++) {
      const { line, job } = jobs[k];
      const result = engine.run(job);
      const bad = firstNonFinite(result);
      if (bad !== null) return fail(2, `line ${line}: $: the result is not representable: ${bad} overflows float64 (inputs too extreme)`);
      lines[k] = `${JSON.stringify(simResultJson(result, job.id))}\n`;
    }
    io.stdout(lines.join(''));
    return 0;
  } catch (e) {
    return fail(1, `yuma: internal error: ${firstLine(e)}`);
  }
}

type Args = { file: string } | { help: true } | { usage: string };

/** The jobs file, a request for help, or a one-line usage error. */
function parseArgs(args: string[]): Args {
  const usage = (why: string) => ({ usage: `simulate: ${why}; ${SIMULATE_USAGE}` });
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return { help: true };
    let value: string | undefined;
    if (a === '--jobs') value = args[++i];
    else if (a.startsWith('--jobs=')) value = a.slice('--jobs='.length);
    else return usage(`unexpected argument ${JSON.stringify(a)}`);
    if (value === undefined || value === '') return usage('--jobs needs a file name');
    if (file !== undefined) return usage('--jobs given twice');
    file = value;
  }
  return file === undefined ? usage('no jobs file given') : { file };
}

/** Under `npm run`, relative paths mean the caller's directory (INIT_CWD), not the package root npm moved to (as yuma.ts does for replay). */
function inputPath(file: string): string {
  const callerDir = process.env.npm_lifecycle_event === 'yuma' ? process.env.INIT_CWD : undefined;
  return callerDir && !isAbsolute(file) ? resolve(callerDir, file) : file;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a parent of the path is not a directory',
  ELOOP: 'too many symbolic links',
};

/** The file's bytes, read in bounded chunks (pipes included); InputError naming `label` on any failure. */
function readJobsFile(path: string, label: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(1 << 20);
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      total += got;
      if (total > MAX_JOBS_BYTES) throw new InputError(`${label}: file has more than ${MAX_JOBS_BYTES} bytes (the limit)`);
      chunks.push(chunk.subarray(0, got));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as { code?: string }).code ?? '';
    throw new InputError(`${label}: cannot read file: ${REASONS[code] ?? firstLine(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
