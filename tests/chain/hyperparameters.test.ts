// Owner and root hyperparameter changes (chain.md §4): who may set what, ranges, the admin freeze
// window and the owner rate limit; failures change nothing.
import { describe, expect, it } from 'vitest';
import { applyAction, type ChainAction } from '../../src/chain/actions.ts';
import { stepBlock } from '../../src/chain/block.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { setRootParam, setSubnetHyperparameter } from '../../src/chain/hyperparams.ts';
import type { ChainState } from '../../src/chain/state.ts';
import { chainOf, engines, smallDoc } from './helpers.ts';

const eng = await engines();
const set = (name: string, value: unknown, coldkey: string | null = 'alice') => ({ op: 'set_hyperparameter', coldkey, netuid: 1, name, value }) as ChainAction;
/** Tempo 360 from LastEpochBlock 0: the next epoch is at 360, the freeze window covers 351–359. */
const chain = (start = 100) => chainOf(smallDoc({ last_epoch_block: 0 }, { start_block: start }));

function expectRefused(state: ChainState, action: ChainAction, error: string): void {
  const before = stateHash(state);
  expect(applyAction(state, eng, action)).toEqual({ ok: false, error });
  expect(stateHash(state)).toBe(before);
}

describe(setSubnetHyperparameter, () => {
  it('lets the owner set an owner parameter and records it for the rate limit', () => {
    const state = chain();
    expect(applyAction(state, eng, set('immunity_period', 777))).toEqual({ ok: true });
    expect(state.subnets[0].hp.immunityPeriod).toBe(777);
    expect(state.subnets[0].ownerLastSet.immunity_period).toBe(100n);
  });

  it('refuses other signers and root-only parameters from the owner: BadOrigin', () => {
    expectRefused(chain(), set('immunity_period', 1, 'bob'), 'BadOrigin');
    expectRefused(chain(), set('kappa', 1), 'BadOrigin');
    expect(applyAction(chain(), eng, set('kappa', 1, null))).toEqual({ ok: true });
  });

  it('refuses owner changes inside the freeze window (AdminFreezeWindow = 10 blocks before the epoch)', () => {
    // At block 350 the epoch is 10 blocks away: still open. At 351, 9 blocks away: frozen. Root is never frozen.
    expect(applyAction(chain(350), eng, set('rho', 5))).toEqual({ ok: true });
    expectRefused(chain(351), set('rho', 5), 'AdminActionProhibitedDuringWeightsWindow');
    expect(applyAction(chain(351), eng, set('rho', 5, null))).toEqual({ ok: true });
  });

  it('rate-limits each owner parameter to once per OwnerHyperparamRateLimit (2) tempos', () => {
    const state = chain(10);
    expect(applyAction(state, eng, set('rho', 5))).toEqual({ ok: true });
    expect(applyAction(state, eng, set('min_allowed_weights', 2))).toEqual({ ok: true }); // another parameter
    expectRefused(state, set('rho', 6), 'TxRateLimitExceeded');
    for (let k = 0; k < 720; k++) stepBlock(state, eng); // block 730; the next epoch (1080) is far
    expect(applyAction(state, eng, set('rho', 6))).toEqual({ ok: true });
  });

  it('checks ranges: tempo 360–50 400 for the owner (any for root), reveal period 1–100, bonds moving average ≤ 975 000', () => {
    expectRefused(chain(), set('tempo', 100), 'InvalidValue');
    expect(applyAction(chain(), eng, set('tempo', 100, null))).toEqual({ ok: true });
    expectRefused(chain(), set('reveal_period_epochs', 0n), 'RevealPeriodTooSmall');
    expectRefused(chain(), set('reveal_period_epochs', 101n), 'RevealPeriodTooLarge');
    expectRefused(chain(), set('bonds_moving_average', 975_001n), 'BondsMovingAverageMaxReached');
    expectRefused(chain(), set('max_allowed_uids', 4), 'MaxAllowedUidsLessThanMinAllowedUids');
    expectRefused(chain(), set('max_allowed_validators', 300, null), 'MaxValidatorsLargerThanMaxUIds');
    expectRefused(chain(), set('alpha_values', [2000, 3000]), 'LiquidAlphaDisabled');
    expectRefused(chain(), set('alpha_sigmoid_steepness', -1), 'NegativeSigmoidSteepness');
  });

  it('resets the schedule when the tempo changes: LastEpochBlock = now', () => {
    const state = chain(100);
    expect(applyAction(state, eng, set('tempo', 400))).toEqual({ ok: true });
    expect(state.subnets[0].sched.lastEpochBlock).toBe(100n);
  });
});

describe(setRootParam, () => {
  it('sets global parameters and root-only subnet flags', () => {
    const state = chain();
    expect(applyAction(state, eng, { op: 'sudo_set', name: 'tao_weight', netuid: null, value: 0n })).toEqual({ ok: true });
    expect(state.params.taoWeight).toBe(0n);
    expect(applyAction(state, eng, { op: 'sudo_set', name: 'subnet_emission_enabled', netuid: 1, value: false })).toEqual({ ok: true });
    expect(state.subnets[0].emissionEnabled).toBe(false);
    expectRefused(state, { op: 'sudo_set', name: 'fee_rate', netuid: null, value: 10_001 }, 'InvalidValue');
    expectRefused(state, { op: 'sudo_set', name: 'max_epochs_per_block', netuid: null, value: 0 }, 'InvalidValue');
  });
});
