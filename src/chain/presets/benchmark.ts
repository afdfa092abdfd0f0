// The benchmark chain as a yuma-chain/1 document: `subnets` full subnets of `n` uids, the first
// `validators` of each staked (α and root) and weighting every other uid densely, validators
// re-setting weights every 1 200 blocks. Deterministic (a fixed LCG), no I/O; used by
// scripts/bench-chain.mjs and a smaller copy in the tests.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TAO = 1_000_000_000n;

/** A yuma-chain/1 document for the benchmark; `blocks` defaults to one day (7 200). */
export function benchmarkScenario(subnets = 8, n = 256, validators = 64, blocks = 7200): { [key: string]: Json } {
  let seed = 0x2545f491;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const hotkeys: { [key: string]: Json } = {};
  const rootStakes: Json[] = [];
  const subnetDocs: Json[] = [];
  const actions: Json[] = [];
  for (let s = 1; s <= subnets; s++) {
    const neurons: Json[] = [];
    for (let uid = 0; uid < n; uid++) {
      const hotkey = `sn${s}-hk${uid}`;
      const isValidator = uid > 0 && uid <= validators;
      const neuron: { [key: string]: Json } = { hotkey, coldkey: uid === 0 ? `owner${s}` : `ck${s}-${uid}`, last_update: 1 };
      if (isValidator) {
        neuron.stake = String(BigInt(1000 + (next() % 100_000)) * TAO);
        neuron.validator_permit = true;
        neuron.weights = denseRow(uid, n, next);
        if (uid % 4 === 0) {
          hotkeys[hotkey] = { owner: `ck${s}-${uid}` };
          rootStakes.push({ hotkey, coldkey: `root-ck${s}-${uid}`, amount: String(BigInt(500 + (next() % 50_000)) * TAO) });
        }
        for (let b = 1200; b < blocks; b += 1200) {
          actions.push({ block: b + s * 7 + uid, op: 'set_weights', hotkey, netuid: s, uids: row(uid, n).map(([j]) => j), values: denseRow(uid, n, next).map(([, v]) => v as number) });
        }
      }
      neurons.push(neuron);
    }
    subnetDocs.push({
      netuid: s,
      owner_coldkey: `owner${s}`,
      owner_hotkey: `sn${s}-hk0`,
      tao_reserve: String(BigInt(20_000 + s * 5_000) * TAO),
      alpha_in: String(BigInt(100_000 + s * 10_000) * TAO),
      unmodelled_alpha: String(BigInt(2_000_000) * TAO),
      ema_price: `0.${15 + s}`,
      hyperparameters: { commit_reveal_weights_enabled: false, activity_cutoff_factor_milli: 50_000 },
      neurons,
    });
  }
  actions.sort((a, b) => ((a as { block: number }).block - (b as { block: number }).block));
  return {
    format: 'yuma-chain/1',
    name: `benchmark: ${subnets} subnets × ${n} uids, ${validators} validators each, dense weights`,
    total_issuance: '10600000000000000',
    blocks,
    hotkeys,
    root: { unmodelled_tao: String(2_000_000n * TAO), stakes: rootStakes },
    subnets: subnetDocs,
    actions,
  };
}

function row(self: number, n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < n; j++) if (j !== self) out.push([j, 0]);
  return out;
}

/** Weights on every uid but `self`, values 1..65535. */
function denseRow(self: number, n: number, next: () => number): [number, number][] {
  return row(self, n).map(([j]) => [j, 1 + (next() % 65535)] as [number, number]);
}
