// Warnings for hyperparameter settings that conflict, do nothing, or that the chain would refuse (spec §12).
// Pure: from the hyperparameters and stakes to a list of sentences.
import type { Hyperparameters } from '../model/epoch.ts';

export interface Warning {
  key: string;
  text: string;
}

/** Every warning that applies; an empty list when the settings are coherent. */
export function hyperWarnings(h: Hyperparameters, alphaStake: ArrayLike<bigint> = []): Warning[] {
  const out: Warning[] = [];
  const add = (key: string, text: string) => out.push({ key, text });
  if (h.liquidAlphaEnabled && !h.yuma3Enabled && !h.legacy) {
    add('liquid-alpha-path', 'Liquid alpha is on but does nothing: since 2025-05 only Yuma 3 uses it. Turn on Yuma 3 (or legacy, for the old Yuma 1 liquid alpha).');
  }
  if (h.liquidAlphaEnabled && h.alphaLow > h.alphaHigh) {
    add('alpha-order', `alpha_low (${h.alphaLow}) is above alpha_high (${h.alphaHigh}): the chain refuses this, and the clamp would give every bond alpha_high.`);
  }
  if (h.liquidAlphaEnabled && (h.alphaLow < 1638 || h.alphaHigh < 1638)) {
    add('alpha-min', 'The chain refuses alpha values below 1638 (≈ 0.025).');
  }
  if (h.kappa === 0) add('kappa-zero', 'kappa 0: consensus becomes the largest weight any validator gives, so nothing is ever clipped.');
  if (h.kappa === 65535) add('kappa-max', 'kappa 65535: consensus becomes the smallest weight any validator gives (unanimity).');
  if (h.tempo === 0) add('tempo-zero', 'tempo 0: the chain never runs this subnet’s epoch. The playground still steps epochs one block apart.');
  if (h.bondsMovingAverage > 1_000_000n) add('bma-over', 'bonds_moving_average above 10⁶ makes α negative: bonds then never grow.');
  else if (h.bondsMovingAverage > 975_000n) add('bma-owner', 'Owners may set bonds_moving_average to at most 975000; only root can go higher.');
  if (h.maxAllowedValidators === 0) add('k-zero', 'max_allowed_validators 0: nobody gets a validator permit, so from the next epoch no weights count.');
  const cutoff = Math.max(Math.floor((h.activityCutoffFactorMilli * h.tempo) / 1000), 1);
  if (h.tempo > 0 && cutoff < h.tempo) add('cutoff-short', `The activity cutoff (${cutoff} blocks) is shorter than tempo (${h.tempo}): validators go inactive unless they set weights in the last ${cutoff} blocks before an epoch.`);
  let max = 0n;
  for (let i = 0; i < alphaStake.length; i++) if (alphaStake[i] > max) max = alphaStake[i];
  if (h.stakeThreshold > 0n && h.stakeThreshold > max) add('threshold', 'No uid has stake at or above stake_threshold: nobody can get a new permit (except the owner).');
  if (h.commitRevealEnabled) add('commit-reveal', 'Commit-reveal masks only weights with a commit block; this playground sets none, so it has no effect here.');
  return out;
}
