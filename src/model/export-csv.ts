// Replay results as CSV (RFC 4180): one row per epoch and uid, every value exact (rao and raw u16, never rounded).
// Pure. Text cells are quoted as the RFC needs and defused against spreadsheet formula injection.
import type { EpochEngine } from './epoch.ts';
import type { TraceResult } from './replay.ts';
import type { Trace } from './trace.ts';
import { applyStep, initialState } from './trace-state.ts';

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'epoch', 'block', 'uid', 'name', 'alpha_stake_rao', 'tao_stake_rao', 'stake_weight_u16', 'consensus_u16', 'incentive_u16',
  'dividends_u16', 'emission_rao', 'validator_trust_u16', 'active', 'validator_permit',
] as const;

/**
 * The results of replaying `trace` as CSV text (CRLF line ends, a header row): per epoch × uid its block, the uid's
 * stake at that epoch, and what the epoch wrote (`validator_permit` = the permit it wrote). `names[uid]` fills the
 * `name` column (empty when absent). `result` must come from replayTrace(trace, …).
 */
export function resultsCsv(trace: Trace, result: TraceResult, names: readonly string[] = []): string {
  const lines = [CSV_COLUMNS.join(',')];
  stakesAtEpochs(trace).forEach(({ alphaStake, taoStake }, e) => {
    const epoch = result.epochs[e];
    if (epoch === undefined) throw new Error(`resultsCsv: the result has ${result.epochs.length} epochs, the trace more`);
    const o = epoch.output;
    for (let uid = 0; uid < trace.n; uid++) {
      const row = [e, epoch.block, uid, names[uid] ?? '', alphaStake[uid], taoStake[uid], o.stakeWeight[uid], o.consensus[uid],
        o.incentive[uid], o.dividends[uid], o.emission[uid], o.validatorTrust[uid], o.active[uid], o.newValidatorPermit[uid]];
      lines.push(row.map(csvCell).join(','));
    }
  });
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV cell. A text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so no spreadsheet runs it as
 * a formula (OWASP "CSV injection"); a cell with `"`, `,`, CR or LF is quoted, inner quotes doubled (RFC 4180).
 */
export function csvCell(v: string | number | bigint | boolean): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Stakes are inputs, not epoch outputs: the trace's steps are walked with the replay's own rules to know them. */
function stakesAtEpochs(trace: Trace): { alphaStake: bigint[]; taoStake: bigint[] }[] {
  // Stake never depends on how set_weights upscales, and no epoch runs here: the engine is never asked for either.
  const noEngine: EpochEngine = {
    name: 'csv',
    maxUpscaleU16: (values) => values,
    runEpoch: () => {
      throw new Error('resultsCsv runs no epoch');
    },
  };
  const state = initialState(trace);
  const out: { alphaStake: bigint[]; taoStake: bigint[] }[] = [];
  for (const step of trace.steps) {
    if (step.block !== null) state.block = step.block;
    if (step.op === 'epoch') out.push({ alphaStake: [...state.alphaStake], taoStake: [...state.taoStake] });
    else applyStep(state, step, noEngine);
  }
  return out;
}
