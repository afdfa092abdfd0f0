// How a yuma-sim case (research-variant scenario, raw float stakes and weights per epoch) becomes a
// yuma-trace/1 subnet that the chain-exact engine replays. Pure. The mapping, in full:
//
//   uids          validators 0..V−1 (case row order), then servers V..V+S−1 (case column order)
//   stake         alpha stake (rao) = round(stake × total_subnet_stake × 1e9): raw 1.0 stands for
//                 total_subnet_stake TAO (config §5.1); servers hold no stake; TAO stake 0
//   permits       every validator starts permitted; max_allowed_validators = V, so a validator keeps its
//                 permit while its stake is non-zero (servers never get one)
//   weights       each epoch every validator re-submits its row (as validators do each tempo, so none goes
//                 inactive): set_weights with values round(w / max(row) × 65535), i.e. already max-upscaled;
//                 zero weights are left out by default, as the bittensor SDK leaves them out (zeroWeights
//                 'keep' submits them: explicit zeros keep a Yuma 3 bond decaying instead of dropped)
//   stake changes set_stake at the epoch where a validator's stake changes
//   bond reset    with config.reset_bonds and a case reset: reset_bonds of that server before that epoch
//   schedule      epoch e runs at block (e+1)·tempo, after that epoch's stake, reset and weight steps
//   emission      rao_emission per epoch = round(total_epoch_emission × 1e9)
//   parameters    kappa, bonds_penalty, alpha_low, alpha_high = round(x × 65535); bonds_moving_average =
//                 round(bond_moving_avg × 1e6); alpha_sigmoid_steepness = round(k × 100) (chain units)
//   path          'yuma1' = Yuma 3 off (the chain's Yuma 1/2 EMA bonds); 'yuma3'; 'yuma3-liquid'
// Not mapped (no chain counterpart): winner_takes_all, the consensus mode of liquid alpha, the decay and
// capacity of YUMA2C, validator_emission_ratio (the chain splits E half to servers, half to validators).
import type { SimCase, SimConfig } from '../variants/sim-case.ts';
import { parseTrace, type Trace } from '../model/trace.ts';

/** The chain-exact epoch paths a case can run on. */
export const CHAIN_PATHS = ['yuma1', 'yuma3', 'yuma3-liquid'] as const;
export type ChainPath = (typeof CHAIN_PATHS)[number];

export const RAO_PER_TAO = 1e9;
/** Blocks between epochs of the generated trace (the subtensor default). */
export const CASE_TEMPO = 360;

/** JSON-safe u64: a number up to 2^53 − 1, a decimal string beyond (yuma-trace/1 "Numbers"). */
function u64(x: number): number | string {
  const v = Math.max(0, Math.round(x));
  return Number.isSafeInteger(v) ? v : BigInt(v).toString();
}

const u16 = (x: number) => Math.min(65535, Math.max(0, Math.round(x * 65535)));

/** The stake of a case value in rao. */
export function stakeRao(stake: number, config: SimConfig): number | string {
  return u64(stake * config.total_subnet_stake * RAO_PER_TAO);
}

/** Whether a submitted row lists servers with weight 0 ('keep') or leaves them out ('drop', the SDK's way). */
export type ZeroWeights = 'drop' | 'keep';

/** A validator's weight row as submitted: server uids and values max-upscaled to 65535 ('drop': an all-zero row submits an empty row). */
export function submittedWeights(row: number[], validators: number, zeros: ZeroWeights = 'drop'): { uids: number[]; values: number[] } {
  const top = Math.max(0, ...row);
  const uids: number[] = [];
  const values: number[] = [];
  row.forEach((w, s) => {
    const value = top > 0 ? Math.round((w / top) * 65535) : 0;
    if (value > 0 || zeros === 'keep') { uids.push(validators + s); values.push(value); }
  });
  return { uids, values };
}

/** The hyperparameters of `path` with the config's values in chain units. */
export function chainHyperparameters(path: ChainPath, config: SimConfig, validators: number): Record<string, number | boolean> {
  return {
    kappa: u16(config.kappa),
    bonds_penalty: u16(config.bond_penalty),
    bonds_moving_average: Math.round(config.bond_moving_avg * 1e6),
    tempo: CASE_TEMPO,
    max_allowed_validators: Math.max(1, validators),
    yuma3_enabled: path !== 'yuma1',
    liquid_alpha_enabled: path === 'yuma3-liquid',
    alpha_low: u16(config.alpha_low),
    alpha_high: u16(config.alpha_high),
    alpha_sigmoid_steepness: Math.max(-32768, Math.min(32767, Math.round(config.alpha_sigmoid_steepness * 100))),
  };
}

/** The yuma-trace/1 document (as a JSON value) of `simCase` on `path` under `config`. */
export function caseToTraceDoc(simCase: SimCase, config: SimConfig, path: ChainPath, zeros: ZeroWeights = 'drop'): Record<string, unknown> {
  const V = simCase.validators.length;
  const S = simCase.servers.length;
  const steps: Record<string, unknown>[] = [];
  const reset = config.reset_bonds ? simCase.resetBonds : null;
  for (let e = 0; e < simCase.numEpochs; e++) {
    const epochSteps: Record<string, unknown>[] = [];
    if (e > 0) {
      simCase.stakes[e].forEach((s, v) => {
        if (s !== simCase.stakes[e - 1][v]) epochSteps.push({ op: 'set_stake', uid: v, alpha_stake: stakeRao(s, config) });
      });
    }
    if (reset && reset.epoch === e) epochSteps.push({ op: 'reset_bonds', uid: V + reset.serverIndex });
    simCase.weights[e].forEach((row, v) => epochSteps.push({ op: 'set_weights', uid: v, ...submittedWeights(row, V, zeros) }));
    epochSteps.push({ op: 'epoch', rao_emission: u64(config.total_epoch_emission * RAO_PER_TAO) });
    epochSteps[0] = { block: (e + 1) * CASE_TEMPO, ...epochSteps[0] };
    steps.push(...epochSteps);
  }
  return {
    format: 'yuma-trace/1',
    name: `${simCase.validators.length}×${simCase.servers.length} case on chain ${path}`,
    n: V + S,
    hyperparameters: chainHyperparameters(path, config, V),
    alpha_stake: [...simCase.stakes[0].map((s) => stakeRao(s, config)), ...new Array<number>(S).fill(0)],
    validator_permit: [...new Array<boolean>(V).fill(true), ...new Array<boolean>(S).fill(false)],
    steps,
  };
}

/** caseToTraceDoc, validated by the trace parser (so the mapping can never produce an invalid subnet). */
export function caseToTrace(simCase: SimCase, config: SimConfig, path: ChainPath, zeros: ZeroWeights = 'drop'): Trace {
  return parseTrace(JSON.stringify(caseToTraceDoc(simCase, config, path, zeros)));
}
