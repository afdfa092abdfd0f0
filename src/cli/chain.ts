// `npm run -s yuma -- chain FILE [--blocks N] [--final-only]`: runs a yuma-chain/1 scenario headless
// and prints one yuma-chain-result/1 document. Exit 0 with the result; 2 with one stderr line
// (`PATH: fault`) for invalid input or usage; 1 with one line for an internal error. Called from yuma.ts.
import { isAbsolute, resolve } from 'node:path';
import { stepBlock } from '../chain/block.ts';
import { CHAIN_RESULT_FORMAT, ResultCollector, finalJson } from '../chain/result.ts';
import { actionsAt, startChain } from '../chain/run.ts';
import { parseScenarioBytes, type Scenario } from '../chain/scenario.ts';
import type { ChainEngines } from '../chain/state.ts';
import { TraceError } from '../model/trace-error.ts';
import { u64Json } from '../model/trace-result.ts';
import { InputError, firstLine, readInputFile } from './read-input.ts';

export interface ChainIo {
  stdout(text: string): void;
  stderr(line: string): void;
}

export const CHAIN_USAGE = 'usage: yuma chain FILE [--blocks N] [--final-only]';
const MAX_BLOCKS = 10_000_000;

interface ChainOptions {
  file: string;
  blocks: number | null;
  finalOnly: boolean;
}

/** Runs the `chain` command (arguments after the command name) and returns the exit code. Never throws. */
export async function chain(args: string[], io: ChainIo, loadEngines?: () => Promise<ChainEngines>): Promise<number> {
  try {
    const options = parseArgs(args);
    if (typeof options === 'string') return fail(io, 2, options);
    let scenario: Scenario;
    try {
      scenario = parseScenarioBytes(readInputFile(inputPath(options.file), options.file));
    } catch (e) {
      if (e instanceof InputError || e instanceof TraceError) return fail(io, 2, e.message);
      throw e;
    }
    let engines: ChainEngines;
    try {
      engines = await (loadEngines ?? defaultEngines)();
    } catch (e) {
      return fail(io, 1, `yuma: cannot load the wasm engine: ${firstLine(e)}`);
    }
    const start = startChain(scenario, engines);
    const state = start.state;
    const startBlock = state.block;
    const collector = new ResultCollector();
    collector.addActions(startBlock, start.actions);
    const blocks = options.blocks ?? scenario.blocks;
    let next = start.next;
    for (let k = 0; k < blocks; k++) {
      const [actions, after] = actionsAt(scenario.actions, next, state.block + 1n);
      next = after;
      collector.add(stepBlock(state, engines, actions));
    }
    const doc = {
      format: CHAIN_RESULT_FORMAT,
      name: scenario.name,
      start_block: u64Json(startBlock),
      blocks,
      ...(options.finalOnly ? {} : { epochs: collector.epochs, reveals: collector.reveals }),
      actions: collector.actions,
      dissolutions: collector.dissolutions,
      final: finalJson(state, engines.math),
    };
    io.stdout(`${JSON.stringify(doc)}\n`);
    return 0;
  } catch (e) {
    return fail(io, 1, `yuma: internal error: ${firstLine(e)}`);
  }
}

function parseArgs(args: string[]): ChainOptions | string {
  const options: ChainOptions = { file: '', blocks: null, finalOnly: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a === '--final-only') options.finalOnly = true;
    else if (a === '--blocks' || a.startsWith('--blocks=')) {
      const text = a === '--blocks' ? args[++i] : a.slice('--blocks='.length);
      if (text === undefined || !/^[0-9]+$/.test(text) || Number(text) > MAX_BLOCKS) return `chain: --blocks must be an integer 0..${MAX_BLOCKS}; ${CHAIN_USAGE}`;
      options.blocks = Number(text);
    } else if (a.startsWith('-') && a !== '-') return `chain: unknown option ${JSON.stringify(a)}; ${CHAIN_USAGE}`;
    else files.push(a);
  }
  if (files.length !== 1) return `chain: expected exactly one scenario file; ${CHAIN_USAGE}`;
  options.file = files[0];
  return options;
}

/** Under `npm run`, relative paths mean the caller's directory (INIT_CWD), as for `replay`. */
function inputPath(file: string): string {
  const callerDir = process.env.npm_lifecycle_event === 'yuma' ? process.env.INIT_CWD : undefined;
  return callerDir && !isAbsolute(file) ? resolve(callerDir, file) : file;
}

async function defaultEngines(): Promise<ChainEngines> {
  return (await import('../chain/node-math.ts')).loadChainEnginesNode();
}

function fail(io: ChainIo, code: number, line: string): number {
  io.stderr(line.replace(/[\r\n]+/g, ' '));
  return code;
}
