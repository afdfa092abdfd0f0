// `npm run -s yuma -- <command>`: the headless runner of shared/formats/yuma-trace.md. Started by scripts/yuma.mjs.
// Exit 0 with results on stdout; 2 with one stderr line for invalid input or usage; 1 with one line for an internal error.
import type { EpochEngine } from '../model/epoch.ts';
import { replayTrace, toResultJson } from '../model/replay.ts';
import { TraceError, parseTraceBytes, type Trace } from '../model/trace.ts';
import { InputError, firstLine, inputPath, readInputFile } from './read-input.ts';

/** Where the CLI writes; a test can pass its own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(line: string): void;
}

const USAGE =
  'usage: yuma replay [--engine wasm|oracle] [--intermediates] FILE... | yuma simulate --jobs FILE | yuma chain FILE [--blocks N] [--final-only]';

interface ReplayOptions {
  engine: 'wasm' | 'oracle';
  intermediates: boolean;
  files: string[];
}

/** Runs one command line and returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'replay') return await replay(rest, io);
    if (command === 'simulate') return (await import('./simulate.ts')).runSimulateCommand(rest, io);
    if (command === 'chain') return await (await import('./chain.ts')).chain(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    return fail(io, 2, command === undefined ? USAGE : `unknown command ${JSON.stringify(command)}; ${USAGE}`);
  } catch (e) {
    return fail(io, 1, `yuma: internal error: ${firstLine(e)}`);
  }
}

async function replay(args: string[], io: CliIo): Promise<number> {
  const options = parseReplayArgs(args);
  if (typeof options === 'string') return fail(io, 2, options);
  // Validate every file before running anything, so an invalid one leaves stdout empty.
  const several = options.files.length > 1;
  const traces: Trace[] = [];
  for (const file of options.files) {
    try {
      const bytes = readInputFile(inputPath(file), file);
      traces.push(parseTraceBytes(bytes, several ? file : undefined));
    } catch (e) {
      if (e instanceof InputError || e instanceof TraceError) return fail(io, 2, e.message);
      throw e;
    }
  }
  let engine: EpochEngine;
  try {
    engine = await loadEngine(options.engine);
  } catch (e) {
    return fail(io, 1, `yuma: cannot load the ${options.engine} engine: ${firstLine(e)}`);
  }
  const lines: string[] = [];
  for (let i = 0; i < traces.length; i++) {
    try {
      const result = replayTrace(traces[i], engine, { intermediates: options.intermediates });
      lines.push(JSON.stringify(toResultJson(result)));
    } catch (e) {
      return fail(io, 1, `${several ? `${options.files[i]}: ` : ''}yuma: internal error during replay: ${firstLine(e)}`);
    }
  }
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return 0;
}

function parseReplayArgs(args: string[]): ReplayOptions | string {
  const options: ReplayOptions = { engine: 'wasm', intermediates: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      options.files.push(...args.slice(i + 1));
      break;
    }
    if (a === '--intermediates') options.intermediates = true;
    else if (a === '--engine' || a.startsWith('--engine=')) {
      const name = a === '--engine' ? args[++i] : a.slice('--engine='.length);
      if (name !== 'wasm' && name !== 'oracle') return `replay: --engine must be wasm or oracle; ${USAGE}`;
      options.engine = name;
    } else if (a.startsWith('-') && a !== '-') return `replay: unknown option ${JSON.stringify(a)}; ${USAGE}`;
    else options.files.push(a);
  }
  return options.files.length === 0 ? `replay: no trace file given; ${USAGE}` : options;
}

async function loadEngine(name: 'wasm' | 'oracle'): Promise<EpochEngine> {
  if (name === 'oracle') return (await import('../oracle/index.ts')).oracleEngine as EpochEngine;
  return (await import('../engine/node-loader.ts')).loadWasmEngineNode();
}

function fail(io: CliIo, code: number, line: string): number {
  io.stderr(line.replace(/[\r\n]+/g, ' '));
  return code;
}
