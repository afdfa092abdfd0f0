// distributeEmission (TS bookkeeping + ChainMath.distribute) against the whole BigInt step it replaced
// (oracle/distribute-emission.ts), on copies of the same random chain: the same stake, root-claimable α,
// burns, recycling, MinerBurned and Distribution report, i.e. the same state hash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeEmission } from '../../src/chain/distribute.ts';
import { stateHash } from '../../src/chain/hash.ts';
import { snapshot } from '../../src/chain/snapshot.ts';
import type { EpochOutput } from '../../src/model/epoch.ts';
import { chainOf, engines } from './helpers.ts';
import { distributeEmission as distributeEmissionBefore } from './oracle/distribute-emission.ts';

const { math } = await engines();
const U64_MAX = (1n << 64n) - 1n;
/** α and TAO amounts of chain size (issuance < 2^55), zero and tiny values over-represented. */
const amount = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 1n << 54n }));

const neuron = fc.record({
  ownedBySubnetOwner: fc.boolean(),
  stake: amount,
  rootStake: amount,
  take: fc.oneof(fc.constantFrom(0, 65535, 11796), fc.integer({ min: 0, max: 65535 })),
  serverEmission: amount,
  validatorEmission: amount,
});
const epoch = fc.record({
  neurons: fc.array(neuron, { minLength: 1, maxLength: 8 }),
  ownerHotkeyRegistered: fc.boolean(),
  recycle: fc.boolean(),
  taoWeight: fc.oneof(fc.constantFrom(0n, U64_MAX, 3320413933267719291n), fc.bigInt({ min: 0n, max: U64_MAX })),
  drained: fc.record({ server: amount, validator: amount, root: amount, owner: amount }),
});
type Epoch = typeof epoch extends fc.Arbitrary<infer T> ? T : never;

/** A one-subnet chain whose hotkeys hold the drawn α and root stake; alice owns the subnet, and uid 0 is her
 *  SubnetOwnerHotkey when `ownerHotkeyRegistered` (so the owner cut and its dividends land in one pool). */
function chainFor(e: Epoch) {
  const hotkey = (i: number) => (i === 0 && e.ownerHotkeyRegistered ? 'owner' : `h${i}`);
  const coldkey = (i: number) => (e.neurons[i].ownedBySubnetOwner || hotkey(i) === 'owner' ? 'alice' : `c${i}`);
  const neurons = e.neurons.map((n, i) => ({ hotkey: hotkey(i), coldkey: coldkey(i), stake: String(n.stake) }));
  const hotkeys = Object.fromEntries(e.neurons.map((n, i) => [hotkey(i), { owner: coldkey(i), take: n.take }]));
  const rootStakes = e.neurons.map((n, i) => ({ hotkey: hotkey(i), coldkey: `r${i}`, amount: String(n.rootStake) }));
  const state = chainOf({
    format: 'yuma-chain/1',
    hotkeys: { owner: { owner: 'alice' }, ...hotkeys },
    root: { unmodelled_tao: '0', stakes: rootStakes.filter((s) => s.amount !== '0') },
    subnets: [{
      netuid: 1, owner_coldkey: 'alice', owner_hotkey: 'owner', tao_reserve: '1000000000000', alpha_in: '10000000000000',
      hyperparameters: { recycle_or_burn: e.recycle ? 'recycle' : 'burn' }, neurons,
    }],
  });
  state.params.taoWeight = e.taoWeight;
  return state;
}

const outputFor = (e: Epoch) => ({
  serverEmission: e.neurons.map((n) => n.serverEmission),
  validatorEmission: e.neurons.map((n) => n.validatorEmission),
}) as unknown as EpochOutput;

describe(distributeEmission, () => {
  it('leaves the same state and report as the BigInt distribution it replaced, on 1 000 random epochs', () => {
    fc.assert(
      fc.property(epoch, (e) => {
        const before = chainFor(e);
        const after = snapshot(before);
        const expected = distributeEmissionBefore(before, before.subnets[0], outputFor(e), { ...e.drained });
        const actual = distributeEmission(after, after.subnets[0], outputFor(e), { ...e.drained }, math);
        expect(actual).toEqual(expected);
        expect(stateHash(after)).toBe(stateHash(before));
        expect(after).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });
});
