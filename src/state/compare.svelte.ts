// The compare view's state: which case and versions, and the last side-by-side, exact-vs-float and sweep results.
// Talks to the engine worker only through the CompareApi it is given (client side; see src/engine/compare-api.ts).
import type { CompareApi, ExactVsFloatReport, SideBySideResult, SweepProgress, SweepResult, TraceSource } from '../engine/compare-api.ts';
import type { ChainPath } from '../compare/case-to-trace.ts';
import { VERSION_CHOICES, chainPathOf, versionOf } from '../compare/choices.ts';
import { compareQuery, readCompareQuery } from '../compare/link.ts';
import type { OutputField } from '../compare/report.ts';
import { CHAIN_PATH_VARIANT, loadSimCases, simCaseOf, webDefaultConfig } from '../compare/presets.ts';
import type { SimCaseJson } from '../compare/sim-cases.ts';
import type { SweepParameter } from '../compare/sweep-types.ts';

export { VERSION_CHOICES };
export type Source = 'case' | 'subnet';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export class CompareState {
  cases: SimCaseJson[] = $state.raw([]);
  caseKey = $state('kappa-moves-first');
  bondPenalty = $state(1);
  error = $state('');

  versionIds: string[] = $state(['variant:YUMA2', 'chain:yuma1', 'variant:YUMA3', 'chain:yuma3']);
  thresholdPct = $state(1);
  side: SideBySideResult | null = $state.raw(null);
  sideBusy = $state(false);
  validator = $state(0);
  server = $state(0);

  floatSource: Source = $state('case');
  floatPath: ChainPath = $state('yuma1');
  floatReport: ExactVsFloatReport | null = $state.raw(null);
  floatBusy = $state(false);
  floatField: OutputField = $state('validatorEmission');
  floatEpoch = $state(0);

  sweepTarget: Source = $state('case');
  sweepVersionId = $state('chain:yuma3');
  sweepParameter: SweepParameter = $state('kappa');
  sweepFrom = $state(0.05);
  sweepTo = $state(0.95);
  sweepPoints = $state(19);
  sweepValidator = $state(0);
  sweepProgress: { done: number; total: number } | null = $state.raw(null);
  sweepResult: SweepResult | null = $state.raw(null);

  /** The chosen case as a JSON value (undefined until the cases are loaded). */
  caseJson = $derived(this.cases.find((c) => c.key === this.caseKey));
  /** Whether a playground subnet can be used as the source (the page passed `subnetText`). */
  readonly hasSubnet: boolean;

  constructor(private remote: CompareApi, private subnetText?: () => Promise<string>) {
    this.hasSubnet = subnetText !== undefined;
  }

  /** Loads the preset cases (a separate chunk); idempotent. Then applies the choices of a shared link in `search`. */
  async load(search = ''): Promise<void> {
    if (this.cases.length === 0) {
      this.cases = await loadSimCases();
      Object.assign(this, readCompareQuery(search, this.cases.map((c) => c.key)));
    }
  }

  /** The address that reproduces the current choices (a shareable link). */
  linkQuery = $derived(compareQuery({ caseKey: this.caseKey, versionIds: this.versionIds, bondPenalty: this.bondPenalty, thresholdPct: this.thresholdPct }));

  addVersion(): void {
    if (this.versionIds.length >= 4) return;
    this.versionIds = [...this.versionIds, VERSION_CHOICES.find((c) => !this.versionIds.includes(c.id))?.id ?? VERSION_CHOICES[0].id];
  }

  removeVersion(index: number): void {
    if (this.versionIds.length > 2) this.versionIds = this.versionIds.filter((_, i) => i !== index);
  }

  /** β as the versions take it; the variants engine expects a validated config, so out-of-range input is refused here. */
  private beta(): number {
    const b = this.bondPenalty;
    if (typeof b !== 'number' || !(b >= 0 && b <= 1)) throw new Error('the bonds penalty β must be a number between 0 and 1');
    return b;
  }

  private simCase() {
    if (!this.caseJson) throw new Error('the cases are not loaded yet');
    return simCaseOf(this.caseJson);
  }

  private async source(path: ChainPath, from: Source): Promise<TraceSource> {
    if (from === 'subnet' && this.subnetText) return { kind: 'text', text: await this.subnetText() };
    return { kind: 'case', simCase: this.simCase(), config: webDefaultConfig(CHAIN_PATH_VARIANT[path], this.beta()), path };
  }

  private async attempt(busy: (on: boolean) => void, work: () => Promise<void>): Promise<void> {
    busy(true);
    this.error = '';
    try {
      await work();
    } catch (e) {
      this.error = message(e);
    } finally {
      busy(false);
    }
  }

  /** Counts side-by-side requests, so a slow answer to an older choice never replaces a newer one (latest wins). */
  private sideRequest = 0;

  runSideBySide(): Promise<void> {
    const request = ++this.sideRequest;
    return this.attempt((on) => (this.sideBusy = on), async () => {
      const versions = this.versionIds.map((id) => versionOf(id, this.beta()));
      const side = await this.remote.sideBySide({ simCase: this.simCase(), versions, thresholdPct: this.thresholdPct });
      if (request !== this.sideRequest) return;
      this.side = side;
      this.validator = Math.min(this.validator, this.side.validators.length - 1);
      this.server = Math.min(this.server, this.side.servers.length - 1);
    });
  }

  runExactVsFloat(): Promise<void> {
    return this.attempt((on) => (this.floatBusy = on), async () => {
      this.floatReport = await this.remote.exactVsFloat({ source: await this.source(this.floatPath, this.floatSource) });
      this.floatEpoch = Math.min(this.floatEpoch, Math.max(0, this.floatReport.epochs.length - 1));
    });
  }

  runSweep(): Promise<void> {
    return this.attempt((on) => (this.sweepProgress = on ? { done: 0, total: this.sweepPoints } : null), async () => {
      const path = chainPathOf(this.sweepVersionId);
      const target = this.sweepTarget === 'subnet' && path
        ? { kind: 'trace' as const, source: await this.source(path, 'subnet'), engine: this.sweepVersionId.startsWith('twin:') ? ('float' as const) : ('exact' as const) }
        : { kind: 'case' as const, simCase: this.simCase(), version: versionOf(this.sweepVersionId, this.beta()) };
      const request = { target, parameter: this.sweepParameter, from: this.sweepFrom, to: this.sweepTo, points: this.sweepPoints, validator: this.sweepValidator };
      this.sweepResult = await this.remote.sweep(request, (p: SweepProgress) => (this.sweepProgress = { done: p.done, total: p.total }));
    });
  }

  /** Stops a running sweep after its current point; the points done so far stay. */
  cancelSweep(): Promise<void> {
    return this.remote.cancelSweep();
  }
}
