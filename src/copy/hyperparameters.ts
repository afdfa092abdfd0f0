// Each epoch hyperparameter in chain units (spec §12): its trace key, type, range, default, one-sentence meaning,
// and how the normalised value the epoch uses is derived. Pure data and tiny pure functions; no DOM.
import type { Hyperparameters } from '../model/epoch.ts';

export type HyperKind = 'u16' | 'u32' | 'i16' | 'u64' | 'bool';

export interface HyperCopy {
  key: keyof Hyperparameters;
  chainName: string;
  label: string;
  kind: HyperKind;
  /** Unit of the chain value, shown after the input. */
  unit: string;
  /** One sentence on what the epoch does with it, in chain units. */
  help: string;
  /** The value the epoch actually uses, as text; absent when the chain value is used as is. */
  normalised?: (h: Hyperparameters) => string;
}

const frac = (v: number, d = 4) => v.toFixed(d);

export const HYPER_COPY: HyperCopy[] = [
  { key: 'yuma3Enabled', chainName: 'yuma3_enabled', label: 'Yuma 3', kind: 'bool', unit: '',
    help: 'Per-bond EMA with bonds stored as u16 proportions, and dividends ∝ bond share × active stake; new subnets start with it on (off = the Yuma 1/2 path).' },
  { key: 'kappa', chainName: 'kappa', label: 'Kappa κ', kind: 'u16', unit: '/ 65535',
    help: 'Consensus majority: a miner’s consensus is the largest weight that validators holding at least κ of the active stake give it (default 32767 ≈ 0.5).',
    normalised: (h) => `κ = ${frac(h.kappa / 65535)}` },
  { key: 'bondsPenalty', chainName: 'bonds_penalty', label: 'Bonds penalty β', kind: 'u16', unit: '/ 65535',
    help: 'How far bonds use the clipped weights instead of the raw ones: 65535 = bonds only for weight up to consensus, 0 = for the whole weight.',
    normalised: (h) => `β = ${frac(h.bondsPenalty / 65535)}` },
  { key: 'bondsMovingAverage', chainName: 'bonds_moving_average', label: 'Bonds moving average', kind: 'u64', unit: '/ 10⁶',
    help: 'Bond EMA memory: each epoch keeps bma / 10⁶ of the old bond and moves α = 1 − bma / 10⁶ towards the new one (owners may set at most 975000).',
    normalised: (h) => `α = ${frac(1 - Number(h.bondsMovingAverage) / 1e6, 6)}` },
  { key: 'liquidAlphaEnabled', chainName: 'liquid_alpha_enabled', label: 'Liquid alpha', kind: 'bool', unit: '',
    help: 'On Yuma 3, every bond gets its own EMA speed between α_low and α_high from a sigmoid of how far the weight sits from consensus.' },
  { key: 'alphaLow', chainName: 'alpha_low', label: 'Alpha low', kind: 'u16', unit: '/ 65535',
    help: 'Slowest bond EMA speed under liquid alpha; the chain accepts 1638 (≈ 0.025) up to alpha_high.',
    normalised: (h) => `α_low = ${frac(h.alphaLow / 65535)}` },
  { key: 'alphaHigh', chainName: 'alpha_high', label: 'Alpha high', kind: 'u16', unit: '/ 65535',
    help: 'Fastest bond EMA speed under liquid alpha (used when a validator buys above consensus or sells a bond).',
    normalised: (h) => `α_high = ${frac(h.alphaHigh / 65535)}` },
  { key: 'alphaSigmoidSteepness', chainName: 'alpha_sigmoid_steepness', label: 'Alpha sigmoid steepness', kind: 'i16', unit: '',
    help: 'σ: liquid alpha’s sigmoid is 1 / (1 + e^(−σ/100 · (d − ½))), so larger σ switches more sharply from α_low to α_high.',
    normalised: (h) => `σ / 100 = ${Math.trunc(h.alphaSigmoidSteepness / 100)}` },
  { key: 'tempo', chainName: 'tempo', label: 'Tempo', kind: 'u16', unit: 'blocks',
    help: 'Blocks between two epochs of this subnet; it also scales the activity cutoff.',
    normalised: (h) => `≈ ${((h.tempo * 12) / 60).toFixed(0)} min at 12 s per block` },
  { key: 'activityCutoffFactorMilli', chainName: 'activity_cutoff_factor_milli', label: 'Activity cutoff factor', kind: 'u32', unit: '/ 1000 × tempo',
    help: 'A validator whose last weights are older than the cutoff = max(⌊factor · tempo / 1000⌋, 1) blocks is inactive and leaves consensus.',
    normalised: (h) => `cutoff = ${Math.max(Math.floor((h.activityCutoffFactorMilli * h.tempo) / 1000), 1)} blocks` },
  { key: 'maxAllowedValidators', chainName: 'max_allowed_validators', label: 'Max validators k', kind: 'u16', unit: 'uids',
    help: 'The k uids with the most (non-zero) stake get validator permits at the end of each epoch; only permitted validators’ weights count.' },
  { key: 'stakeThreshold', chainName: 'stake_threshold', label: 'Stake threshold', kind: 'u64', unit: 'rao',
    help: 'Stakes below this many rao count as zero (the owner is exempt), so those uids never get a permit.',
    normalised: (h) => `${(Number(h.stakeThreshold) / 1e9).toLocaleString('en-US', { maximumFractionDigits: 4 })} α` },
  { key: 'commitRevealEnabled', chainName: 'commit_reveal_enabled', label: 'Commit-reveal mask', kind: 'bool', unit: '',
    help: 'Drops weights a validator committed before a miner registered; it needs commit blocks, which this playground never sets, so here it changes nothing.' },
  { key: 'legacy', chainName: 'legacy', label: 'Legacy (pre-2025-05)', kind: 'bool', unit: '',
    help: 'Old behaviour: top-k permits may go to zero stakes, and liquid alpha on Yuma 1 uses the consensus-quantile logistic (spec §10.2).' },
];

export const KIND_RANGE: Record<Exclude<HyperKind, 'bool'>, [string, string]> = {
  u16: ['0', '65535'],
  u32: ['0', '4294967295'],
  i16: ['-32768', '32767'],
  u64: ['0', '18446744073709551615'],
};
