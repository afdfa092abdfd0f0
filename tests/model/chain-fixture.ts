// A small valid yuma-chain/1 document that uses every top-level field, every action op (one at the start block, one
// at a block past 2^53), u64 values over 2^53−1, decimals and non-default rules: the chain base the codec tests use.
import type { Scenario } from '../../src/model/scenario.ts';
import type { Scenario as Chain } from '../../src/chain/scenario.ts';

/** The chain of a chain scenario; throws when the scenario is a subnet. */
export function chainOf(s: Scenario): Chain {
  if (s.kind !== 'chain') throw new Error(`expected a chain scenario, got a ${s.kind}`);
  return s.chain;
}

export function validChainDoc(): Record<string, any> {
  return {
    format: 'yuma-chain/1',
    name: 'every action',
    description: 'Every field and every op, for the codec tests.',
    comment: 'unknown keys are ignored',
    start_block: 100,
    blocks: 30,
    total_issuance: '9007199254740993000',
    params: { tao_weight: '0.2', subnet_owner_cut: 10000, max_epochs_per_block: 1, fee_rate: 0, start_call_delay: 5 },
    rules: { share_rule: 'root_prop_minerburn' },
    balances: { alice: '20000000000000', bob: '9007199254740993', carol: 5000000000, dave: 1000000000, erin: 2000000000000 },
    hotkeys: { 'root-hk': { owner: 'carol', take: 5000 } },
    root: { unmodelled_tao: '1000000000000', stakes: [{ hotkey: 'root-hk', coldkey: 'carol', amount: '500000000000' }] },
    subnets: [
      {
        netuid: 1, owner_coldkey: 'alice', owner_hotkey: 'owner', tao_reserve: '1000000000000', alpha_in: '10000000000000',
        unmodelled_alpha: 5, ema_price: '0.1', miner_burned: '0.25', burn: '2000000000', registered_at: 1, last_epoch_block: 90, epoch_index: 3,
        hyperparameters: { tempo: 10, commit_reveal_weights_enabled: false, liquid_alpha_enabled: true, alpha_values: [40000, 60000], alpha_sigmoid_steepness: -3, burn_increase_mult: '1.5', recycle_or_burn: 'recycle' },
        neurons: [
          { hotkey: 'owner', coldkey: 'alice' },
          { hotkey: 'v1', coldkey: 'bob', stake: '1000000000000', validator_permit: true, weights: [[2, 65535]], bonds: [[2, 1000]], block_at_registration: 1, last_update: 95 },
          { hotkey: 'm1', coldkey: 'dave', last_update: 95 },
        ],
        stakes: [{ hotkey: 'v1', coldkey: 'carol', amount: '100000000' }],
      },
      { netuid: 2, owner_coldkey: 'erin', owner_hotkey: 'erin-hk', tao_reserve: '1000000000', alpha_in: '1000000000', first_emission_block: null },
    ],
    actions: [
      { block: 100, op: 'add_stake', coldkey: 'bob', hotkey: 'v1', netuid: 1, amount: '1000000000' },
      { block: 101, op: 'set_weights', hotkey: 'v1', netuid: 1, uids: [1, 2], values: [1, 65535], version_key: 0 },
      { block: 102, op: 'commit_weights', hotkey: 'v1', netuid: 1, uids: [2], values: [65535], version_key: 7 },
      { block: 103, op: 'remove_stake', coldkey: 'bob', hotkey: 'v1', netuid: 1, amount: '1000' },
      { block: 104, op: 'move_stake', coldkey: 'bob', origin_hotkey: 'v1', destination_hotkey: 'v1', origin_netuid: 1, destination_netuid: 1, amount: '1000' },
      { block: 105, op: 'burned_register', coldkey: 'alice', hotkey: 'new', netuid: 1 },
      { block: 106, op: 'register_network', coldkey: 'erin', hotkey: 'erin-2' },
      { block: 107, op: 'start_call', coldkey: 'erin', netuid: 2 },
      { block: 108, op: 'trigger_epoch', coldkey: 'alice', netuid: 1 },
      { block: 109, op: 'set_hyperparameter', coldkey: 'alice', netuid: 1, name: 'rho', value: 12 },
      { block: 109, op: 'set_hyperparameter', netuid: 1, name: 'alpha_values', value: [45000, 59000] },
      { block: 110, op: 'sudo_set', name: 'tao_weight', value: '0.25' },
      { block: 110, op: 'sudo_set', name: 'subnet_emission_enabled', netuid: 2, value: false },
      { block: 111, op: 'decrease_take', coldkey: 'carol', hotkey: 'root-hk', take: 4000 },
      { block: 112, op: 'increase_take', coldkey: 'carol', hotkey: 'root-hk', take: 4500 },
      { block: 113, op: 'set_root_claim_type', coldkey: 'carol', claim_type: 'keep' },
      { block: 114, op: 'add_stake', coldkey: 'dave', hotkey: 'm1', netuid: 1, amount: '500000000', limit_price: '200000000' },
      { block: '18446744073709551615', op: 'set_root_claim_type', coldkey: 'dave', claim_type: 'swap' },
    ],
  };
}
