// `npm run -s yuma -- simulate --jobs FILE`: the headless runner of shared/formats/yuma-sim-case.md.
// Dispatched from src/cli/yuma.ts. Exit 0 with one result line per job; 2 with one stderr line for an
// invalid line, file or usage (stdout then stays empty); 1 with one line for an internal error.
import { JobsFileError, parseJobsBytes, type NumberedJob } from '../variants/jobs-file.ts';
import { firstNonFinite, simResultLine } from '../variants/sim-result.ts';
import type { VariantsEngine } from '../variants/wasm-variants.ts';
import { InputError, firstLine, inputPath, readInputFile } from './read-input.ts';

/** Where the command writes (the same shape as yuma.ts's CliIo): `stdout` gets whole text, `stderr` one line without newline. */
export interface SimulateIo {
  stdout(text: string): void;
  stderr(line: string): void;
}

export const SIMULATE_USAGE = 'usage: yuma simulate --jobs JOBS.jsonl';

/** Largest jobs file (bytes): room for tens of thousands of 40-epoch jobs (a trace is capped at 16 MiB; a jobs file holds thousands of cases). */
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
      jobs = parseJobsBytes(readInputFile(inputPath(file), file, MAX_JOBS_BYTES));
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
      let result;
      try {
        result = engine.run(job);
      } catch (e) {
        return fail(1, `line ${line}: yuma: internal error during simulate: ${firstLine(e)}`);
      }
      const bad = firstNonFinite(result);
      if (bad !== null) return fail(2, `line ${line}: $: the result is not representable: ${bad} overflows float64 (inputs too extreme)`);
      lines[k] = `${simResultLine(result, job.id)}\n`;
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
