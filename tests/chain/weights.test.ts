// set_weights (chain.md §3.4): every error the extrinsic can return, in the chain's order, and no state
// change on failure; then what a successful call stores.
import { describe, expect, it } from 'vitest';
import { applyAction, type ChainAction } from '../../src/chain/actions.ts';
import { stateHash } from '../../src/chain/hash.ts';
import type { ChainState } from '../../src/chain/state.ts';
import { setWeights } from '../../src/chain/weights.ts';
import { chainOf, engines, smallDoc } from './helpers.ts';

const eng = await engines();

/** The small chain at block 200 (past the 100-block rate limit since last_update = 1). */
function chain(subnet: Record<string, unknown> = {}, doc: Record<string, unknown> = {}): ChainState {
  return chainOf(smallDoc(subnet, { start_block: 200, ...doc }));
}

const call = (over: Partial<Extract<ChainAction, { op: 'set_weights' }>> = {}): ChainAction => ({
  op: 'set_weights', hotkey: 'v1', netuid: 1, uids: [3, 4], values: [100, 50], versionKey: 0n, ...over,
});

/** Applies `action`, expects `error`, and checks the state is bit-identical afterwards. */
function expectRefused(state: ChainState, action: ChainAction, error: string): void {
  const before = stateHash(state);
  expect(applyAction(state, eng, action)).toEqual({ ok: false, error });
  expect(stateHash(state)).toBe(before);
}

describe(setWeights, () => {
  it('refuses root: CanNotSetRootNetworkWeights', () => expectRefused(chain(), call({ netuid: 0 }), 'CanNotSetRootNetworkWeights'));
  it('refuses a subnet that does not exist: MechanismDoesNotExist', () => expectRefused(chain(), call({ netuid: 9 }), 'MechanismDoesNotExist'));
  it('refuses while commit-reveal is on: CommitRevealEnabled', () =>
    expectRefused(chain({ hyperparameters: { commit_reveal_weights_enabled: true } }), call(), 'CommitRevealEnabled'));
  it('refuses uids and values of different lengths: WeightVecNotEqualSize', () =>
    expectRefused(chain(), call({ values: [1] }), 'WeightVecNotEqualSize'));
  it('refuses more uids than neurons: UidsLengthExceedUidsInSubNet', () =>
    expectRefused(chain(), call({ uids: [0, 1, 2, 3, 4, 5], values: [1, 1, 1, 1, 1, 1] }), 'UidsLengthExceedUidsInSubNet'));
  it('refuses an unregistered hotkey: HotKeyNotRegisteredInSubNet', () =>
    expectRefused(chain(), call({ hotkey: 'stranger' }), 'HotKeyNotRegisteredInSubNet'));
  it('refuses a hotkey below StakeThreshold: NotEnoughStakeToSetWeights (the owner is exempt)', () => {
    const state = chain({}, { params: { stake_threshold: '2000000000000' } }); // 2 000 α; v1 has 1 000
    expectRefused(state, call(), 'NotEnoughStakeToSetWeights');
    expect(applyAction(state, eng, call({ hotkey: 'owner', uids: [0], values: [1] }))).toEqual({ ok: true });
  });
  it('refuses a version key below the subnet\'s: IncorrectWeightVersionKey (0 accepts anything)', () => {
    const state = chain({ hyperparameters: { commit_reveal_weights_enabled: false, weights_version_key: 7 } });
    expectRefused(state, call({ versionKey: 6n }), 'IncorrectWeightVersionKey');
    expect(applyAction(state, eng, call({ versionKey: 7n }))).toEqual({ ok: true });
  });
  it('refuses a second call within WeightsSetRateLimit blocks: SettingWeightsTooFast', () => {
    // last_update 150 at block 200: 50 < 100.
    const state = chain({ neurons: [{ hotkey: 'owner', coldkey: 'alice' }, { hotkey: 'v1', coldkey: 'bob', stake: '1000', validator_permit: true, last_update: 150 }, { hotkey: 'm', coldkey: 'd' }] });
    expectRefused(state, call({ uids: [2], values: [1] }), 'SettingWeightsTooFast');
  });
  it('refuses non-self weights without a permit: NeuronNoValidatorPermit', () =>
    expectRefused(chain(), call({ hotkey: 'm1', uids: [4], values: [1] }), 'NeuronNoValidatorPermit'));
  it('accepts a single self-weight without a permit, and any weights from the owner', () => {
    const state = chain();
    expect(applyAction(state, eng, call({ hotkey: 'm1', uids: [3], values: [1] }))).toEqual({ ok: true });
    expect(applyAction(state, eng, call({ hotkey: 'owner', uids: [3, 4], values: [1, 2] }))).toEqual({ ok: true });
  });
  it('refuses a repeated uid: DuplicateUids', () => expectRefused(chain(), call({ uids: [3, 3] }), 'DuplicateUids'));
  it('refuses a uid that does not exist: UidVecContainInvalidOne', () => expectRefused(chain(), call({ uids: [3, 5] }), 'UidVecContainInvalidOne'));
  it('refuses fewer than min(MinAllowedWeights, n) weights: WeightVecLengthIsLow', () => {
    const state = chain({ hyperparameters: { commit_reveal_weights_enabled: false, min_allowed_weights: 3 } });
    expectRefused(state, call(), 'WeightVecLengthIsLow');
    expect(applyAction(state, eng, call({ uids: [2, 3, 4], values: [1, 1, 1] }))).toEqual({ ok: true });
  });
  it('refuses a value above u16::MAX: MaxWeightExceeded (only reachable through the API, not a scenario)', () =>
    expectRefused(chain(), call({ values: [70000, 1] }), 'MaxWeightExceeded'));

  it('stores the row max-upscaled in the given order and sets LastUpdate to the block', () => {
    const state = chain();
    expect(applyAction(state, eng, call({ uids: [4, 3], values: [21845, 43690] }))).toEqual({ ok: true });
    const v1 = state.subnets[0].neurons[1];
    expect(v1.weights).toEqual([[4, 32768], [3, 65535]]);
    expect(v1.lastUpdate).toBe(200n);
  });
});
