// The compare view's door into the worker: exact vs float, side by side, and parameter sweeps. A plain factory
// whose methods the worker's API object spreads in ({ ...makeEngineApi(...), ...makeCompareApi(...) }); tests call
// it directly in node. Runs on its own instance of the engine module, so it never disturbs the playground session.
import { instantiateEngine, wasmEngineFromExports } from './wasm-epoch.ts';
import { parseTrace, type Trace } from '../model/trace.ts';
import type { SimCase, SimConfig } from '../variants/sim-case.ts';
import { variantsEngineFromExports } from '../variants/wasm-variants.ts';
import { caseToTrace, type ChainPath, type ZeroWeights } from '../compare/case-to-trace.ts';
import { compareExactVsFloat, type ExactVsFloatReport } from '../compare/exact-vs-float.ts';
import { runSideBySide, type SideBySideRequest, type SideBySideResult } from '../compare/side-by-side.ts';
import { runSweep, type SweepProgress, type SweepRequest, type SweepResult } from '../compare/sweep.ts';
import type { CompareEngines, CompareVersion } from '../compare/versions.ts';
import { twinEngineFromExports } from '../compare/wasm-twin.ts';

export type { ExactVsFloatReport, SideBySideRequest, SideBySideResult, SweepProgress, SweepResult, CompareVersion };

/** A subnet to replay: a yuma-trace/1 text (e.g. the playground's export), or a yuma-sim case mapped onto a chain path. */
export type TraceSource =
  | { kind: 'text'; text: string }
  | { kind: 'case'; simCase: SimCase; config: SimConfig; path: ChainPath; zeroWeights?: ZeroWeights };

export interface ExactVsFloatRequest {
  source: TraceSource;
  /** Compare every step of the pipeline too (default true; costs memory on large subnets). */
  intermediates?: boolean;
  absTolerance?: number;
}

/** A sweep as it crosses the worker boundary: the subnet travels as a TraceSource. */
export type SweepWireRequest = Omit<SweepRequest, 'target'> & {
  target: { kind: 'trace'; source: TraceSource; engine: 'exact' | 'float' } | { kind: 'case'; simCase: SimCase; version: CompareVersion };
};

/** The remote contract of the compare view. Values cross by structured clone; errors reject with one-line messages. */
export interface CompareApi {
  exactVsFloat(request: ExactVsFloatRequest): Promise<ExactVsFloatReport>;
  sideBySide(request: SideBySideRequest): Promise<SideBySideResult>;
  /** `onProgress` at most every 50 ms and after the last point; resolves with the points done (cancelled: true after cancelSweep). */
  sweep(request: SweepWireRequest, onProgress?: (p: SweepProgress) => void): Promise<SweepResult>;
  /** Stops every running sweep after its current point. Never queued behind one. */
  cancelSweep(): Promise<void>;
}

/** Turns a TraceSource into a validated Trace (TraceError messages name the JSON path). */
export function traceOf(source: TraceSource): Trace {
  return source.kind === 'text' ? parseTrace(source.text) : caseToTrace(source.simCase, source.config, source.path, source.zeroWeights);
}

/** Builds the compare API around the compiled engine module; `loadModule` runs on the first call (a failed load is retried). */
export function makeCompareApi(deps: { loadModule: () => Promise<WebAssembly.Module> }): CompareApi {
  let engines: Promise<CompareEngines> | undefined;
  const get = () =>
    (engines ??= deps.loadModule()
      .then(instantiateEngine)
      .then((ex) => ({ exact: wasmEngineFromExports(ex), twin: twinEngineFromExports(ex), variants: variantsEngineFromExports(ex) }))
      .catch((e: unknown) => {
        engines = undefined;
        throw e;
      }));
  const running = new Set<{ aborted: boolean }>();
  return {
    async exactVsFloat(request) {
      const { exact, twin } = await get();
      return compareExactVsFloat(traceOf(request.source), exact, twin, { intermediates: request.intermediates ?? true, absTolerance: request.absTolerance });
    },
    async sideBySide(request) {
      return runSideBySide(request, await get());
    },
    async sweep(request, onProgress) {
      const e = await get();
      const target = request.target.kind === 'trace' ? { kind: 'trace' as const, trace: traceOf(request.target.source), engine: request.target.engine } : request.target;
      const token = { aborted: false };
      running.add(token);
      let last = 0;
      const report = (p: SweepProgress) => {
        const now = Date.now();
        if (!onProgress || (now - last < 50 && p.done < p.total)) return;
        last = now;
        // Over comlink the callback is a proxy returning a promise; a page that went away must not fail the sweep.
        void Promise.resolve(onProgress(p)).catch(() => undefined);
      };
      try {
        return await runSweep({ ...request, target }, e, { onProgress: report, token });
      } finally {
        running.delete(token);
      }
    },
    async cancelSweep() {
      for (const t of running) t.aborted = true;
    },
  };
}
