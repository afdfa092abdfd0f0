// The smallest inputs on which tests/engine/fuzz.test.ts found the WASM core and the BigInt oracle to disagree,
// each checked against the value the spec prescribes (computed here from the spec's closed forms).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import { DEFAULT_HYPERPARAMETERS, type EpochEngine, type EpochInput, type Hyperparameters } from '../../src/model/epoch.ts';
import { oracleEngine } from '../../src/oracle/index.ts';

let wasm: EpochEngine;
beforeAll(async () => {
  wasm = await loadWasmEngineNode();
});

/** One uid, no stake, no weights: the smallest subnet, with the given hyperparameters and block. */
function lone(block: bigint, h: Partial<Hyperparameters>): EpochInput {
  return {
    n: 1, block, hyperparameters: { ...DEFAULT_HYPERPARAMETERS, ...h }, ownerUid: null, alphaStake: [0n], taoStake: [0n], taoWeight: 0n,
    blockAtRegistration: [0n], lastUpdate: [0n], validatorPermit: [false], weights: [[]], bonds: [[]], lastMechanismStepBlock: 0n,
    commitBlock: [null], raoEmission: 0n,
  };
}

describe('WASM engine vs BigInt oracle, minimised disagreements', () => {
  it('report alpha_bma = 2^32 − ⌊bma·2^32/1e6⌋ (negative for bma > 1e6, spec §2) as the scalar EMA alpha', () => {
    for (const bma of [1000001n, 1500000n, 10n ** 9n]) {
      const input = lone(0n, { bondsMovingAverage: bma }); // Yuma 1, no liquid alpha: the scalar alpha is used
      const spec = (1n << 32n) - ((bma << 32n) / 1000000n);
      expect(oracleEngine.runEpoch(input, { intermediates: true }).intermediates!.alpha, `oracle, bma ${bma}`).toBe(spec);
      expect(wasm.runEpoch(input, { intermediates: true }).intermediates!.alpha, `wasm, bma ${bma}`).toBe(spec);
    }
  });

  it('report last_tempo = block − tempo as a u64 when the block is past 2^63 (spec §4.9)', () => {
    const block = (1n << 63n) + 360n;
    const input = lone(block, {});
    const spec = block - BigInt(input.hyperparameters.tempo);
    expect(oracleEngine.runEpoch(input, { intermediates: true }).intermediates!.lastTempo).toBe(spec);
    expect(wasm.runEpoch(input, { intermediates: true }).intermediates!.lastTempo).toBe(spec);
  });
});
