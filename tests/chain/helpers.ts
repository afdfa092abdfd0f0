// Shared fixtures for the chain tests: the WASM engines (loaded once per file) and a small chain built
// from a yuma-chain/1 document, so every test starts from data a user could write.
import { createChain } from '../../src/chain/create.ts';
import { loadChainEnginesNode } from '../../src/chain/node-math.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import type { ChainEngines, ChainState } from '../../src/chain/state.ts';

export const TAO = 1_000_000_000n;

let cached: Promise<ChainEngines> | null = null;
/** The release WASM epoch engine and chain math. */
export function engines(): Promise<ChainEngines> {
  return (cached ??= loadChainEnginesNode());
}

type Doc = Record<string, unknown>;

/**
 * One subnet (netuid 1, owner alice/"owner") with validators v1 (bob, 1 000 α) and v2 (carol, 500 α)
 * holding permits and weights on miners m1, m2 (uids 3, 4); commit-reveal off; 10 TAO each for
 * alice, bob, carol, dave. `subnet` and `doc` fields override the defaults.
 */
export function smallDoc(subnet: Doc = {}, doc: Doc = {}): Doc {
  return {
    format: 'yuma-chain/1',
    total_issuance: '10600000000000000',
    balances: { alice: '10000000000', bob: '10000000000', carol: '10000000000', dave: '10000000000' },
    root: { unmodelled_tao: '3000000000000000' },
    subnets: [{
      netuid: 1, owner_coldkey: 'alice', owner_hotkey: 'owner', tao_reserve: '1000000000000', alpha_in: '10000000000000', ema_price: '0.6',
      hyperparameters: { commit_reveal_weights_enabled: false },
      neurons: [
        { hotkey: 'owner', coldkey: 'alice' },
        { hotkey: 'v1', coldkey: 'bob', stake: '1000000000000', validator_permit: true, last_update: 1, weights: [[3, 65535], [4, 32768]] },
        { hotkey: 'v2', coldkey: 'carol', stake: '500000000000', validator_permit: true, last_update: 1, weights: [[3, 65535], [4, 32768]] },
        { hotkey: 'm1', coldkey: 'dave', last_update: 1 },
        { hotkey: 'm2', coldkey: 'erin', last_update: 1 },
      ],
      ...subnet,
    }],
    ...doc,
  };
}

/** The chain a document describes, at its start block. */
export function chainOf(doc: Doc): ChainState {
  return createChain(parseScenario(JSON.stringify(doc)));
}
