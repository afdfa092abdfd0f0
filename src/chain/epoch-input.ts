// Builds the EpochInput of one subnet from the chain state (chain.md §5.4, yuma-epoch.md §3): stakes
// from the stake pools (no childkeys, so inherited = own), stored permits, weights, bonds and the
// commit-reveal mask. Pure: reads the state, allocates the arrays the engine reads.
import type { EpochInput } from '../model/epoch.ts';
import type { ChainState, SubnetState } from './state.ts';

/**
 * The input of the coinbase-run epoch of `subnet` at the current block with `raoEmission` = S + V + Rt.
 * `epochIndex` is the index after this slot was consumed (the W5 mask's current epoch).
 */
export function buildEpochInput(state: ChainState, subnet: SubnetState, raoEmission: bigint, epochIndex: bigint): EpochInput {
  const { hp, neurons } = subnet;
  const n = neurons.length;
  const alphaStake = new Array<bigint>(n);
  const taoStake = new Array<bigint>(n);
  const blockAtRegistration = new Array<bigint>(n);
  const lastUpdate = new Array<bigint>(n);
  const validatorPermit = new Array<boolean>(n);
  const weights = new Array(n);
  const bonds = new Array(n);
  for (let uid = 0; uid < n; uid++) {
    const neuron = neurons[uid];
    alphaStake[uid] = subnet.pools[neuron.hotkey]?.total ?? 0n;
    taoStake[uid] = state.root.pools[neuron.hotkey]?.total ?? 0n;
    blockAtRegistration[uid] = neuron.blockAtRegistration;
    lastUpdate[uid] = neuron.lastUpdate;
    validatorPermit[uid] = neuron.validatorPermit;
    weights[uid] = neuron.weights;
    bonds[uid] = neuron.bonds;
  }
  const ownerUid = subnet.uids[subnet.ownerHotkey];
  return {
    n,
    block: state.block,
    hyperparameters: {
      kappa: hp.kappa,
      bondsPenalty: hp.bondsPenalty,
      bondsMovingAverage: hp.bondsMovingAverage,
      tempo: hp.tempo,
      activityCutoffFactorMilli: hp.activityCutoffFactorMilli,
      maxAllowedValidators: hp.maxAllowedValidators,
      yuma3Enabled: hp.yuma3Enabled,
      liquidAlphaEnabled: hp.liquidAlphaEnabled,
      alphaLow: hp.alphaLow,
      alphaHigh: hp.alphaHigh,
      alphaSigmoidSteepness: hp.alphaSigmoidSteepness,
      stakeThreshold: state.params.stakeThreshold,
      commitRevealEnabled: hp.commitRevealEnabled,
      legacy: false,
    },
    ownerUid: ownerUid === undefined ? null : ownerUid,
    alphaStake,
    taoStake,
    taoWeight: state.params.taoWeight,
    blockAtRegistration,
    lastUpdate,
    validatorPermit,
    weights,
    bonds,
    // The legacy scheduler predates LastMechansimStepBlock: bond masking used block − tempo (yuma-epoch.md §8).
    lastMechanismStepBlock: state.rules.scheduler === 'legacy' ? 0n : subnet.sched.lastMechanismStepBlock,
    commitBlock: commitMask(subnet, epochIndex),
    raoEmission,
  };
}

/** W5: per uid, the smallest commit block among its unexpired commits (expired: current > epoch + period), else null. */
function commitMask(subnet: SubnetState, currentEpoch: bigint): (bigint | null)[] {
  const out = new Array<bigint | null>(subnet.neurons.length).fill(null);
  if (!subnet.hp.commitRevealEnabled) return out;
  for (const c of subnet.commits) {
    if (currentEpoch > c.commitEpoch + subnet.hp.revealPeriodEpochs) continue;
    const uid = subnet.uids[c.hotkey];
    if (uid === undefined) continue;
    const prev = out[uid];
    if (prev === null || c.commitBlock < prev) out[uid] = c.commitBlock;
  }
  return out;
}
