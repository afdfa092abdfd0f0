// The f64 twin against the exact engine: agreement within a few u16 units on every golden trace, and the
// differences fixed point makes, each derived independently (stake floor, Yuma 1 bond drift, small validators).
import { describe, expect, it } from 'vitest';
import { compareExactVsFloat } from '../../src/compare/exact-vs-float.ts';
import { rawToReal } from '../../src/compare/float-intermediates.ts';
import { parseTrace } from '../../src/model/trace.ts';
import { denseSubnet } from '../../bench/scenarios.ts';
import { engines, goldenNames, goldenTrace } from './helpers.ts';

describe(compareExactVsFloat, () => {
  it('finds all 47 golden traces', () => {
    expect(goldenNames.length).toBeGreaterThanOrEqual(47);
  });

  it.each(goldenNames)('agrees with the exact engine within a few u16 units on %s', async (name) => {
    const { exact, twin } = await engines();
    const r = compareExactVsFloat(goldenTrace(name), exact, twin, { intermediates: !name.startsWith('test_512') });
    expect(r.epochs.length).toBeGreaterThan(0);
    for (const f of r.fields) if (f.unit === 'u16') expect(f.maxAbs, `${name} ${f.field}`).toBeLessThanOrEqual(1);
    expect(r.bonds.maxAbs, `${name} stored bonds`).toBeLessThanOrEqual(5);
    for (const ep of r.epochs) {
      for (const f of ep.fields.filter((x) => x.unit === 'rao')) {
        f.abs.forEach((d, i) => expect(d, `${name} epoch ${ep.epoch} ${f.field} uid ${i}`).toBeLessThanOrEqual(Math.max(2, 1e-4 * f.exact[i])));
      }
    }
  });

  it.each([[256, 'yuma1'], [256, 'yuma3-liquid'], [1024, 'yuma3-liquid']] as const)(
    'agrees within 1 u16 unit on a dense random subnet of %i uids (%s, one epoch)', async (n, path) => {
      const { exact, twin } = await engines();
      const input = denseSubnet(n, n / 4, path);
      const a = exact.runEpoch(input);
      const b = twin.runEpoch(input);
      for (const key of ['dividends', 'incentive', 'consensus', 'validatorTrust', 'stakeWeight'] as const) {
        a[key].forEach((x, i) => expect(Math.abs(x - b[key][i]), `${key} uid ${i}`).toBeLessThanOrEqual(1));
      }
      a.bonds.forEach((row, i) => {
        const other = new Map(b.bonds[i]);
        expect(row.map(([j]) => j)).toEqual(b.bonds[i].map(([j]) => j));
        for (const [j, v] of row) expect(Math.abs(v - other.get(j)!)).toBeLessThanOrEqual(1);
      });
      // Emission: the same shares up to the floors of the dividend dot product, at most one I32F32 ulp (2^-32 of E) per term.
      const E = Number(input.raoEmission);
      a.emission.forEach((x, i) => expect(Math.abs(Number(x - b.emission[i]))).toBeLessThanOrEqual(n * E * 2 ** -32));
    });

  it('writes stake weights as the floor of the floored I32F32 stake, the twin as the floor of the real one', async () => {
    const { exact, twin } = await engines();
    let differing = 0;
    for (const name of goldenNames.filter((n) => !n.startsWith('test_512'))) {
      const trace = goldenTrace(name);
      if (trace.taoStake.some((t) => t !== 0n) || trace.hyperparameters.stakeThreshold !== 0n || trace.steps[0].op !== 'epoch') continue;
      const r = compareExactVsFloat(trace, exact, twin);
      const stake = r.epochs[0].fields.find((f) => f.field === 'stakeWeight')!;
      const total = trace.alphaStake.reduce((a, b) => a + b, 0n);
      if (total === 0n) continue;
      trace.alphaStake.forEach((s, i) => {
        // Exact: S = ⌊s·2^32 / Σ⌋ raw, then ⌊S·65535 / 2^32⌋. Twin: ⌊(s / Σ)·65535⌋.
        expect(stake.exact[i]).toBe(Number((((s << 32n) / total) * 65535n) >> 32n));
        expect(stake.float[i]).toBe(Math.floor((Number(s) / Number(total)) * 65535));
        if (stake.abs[i] > 0) differing++;
      });
    }
    expect(differing).toBeGreaterThan(0);
  });

  it('shows the Yuma 1 bond drift of fixed point: a steady column loses one stored unit per epoch', async () => {
    const { exact, twin } = await engines();
    const trace = goldenTrace('test_bonds');
    const r = compareExactVsFloat(trace, exact, twin, { intermediates: true });
    // Column 4 keeps the same weights from epoch 4 on; read validator 0's stored bond in it.
    const { replayTrace } = await import('../../src/model/replay.ts');
    const bond = (engine: typeof exact) => replayTrace(trace, engine).epochs.map((ep) => new Map(ep.output.bonds[0]).get(4) ?? 0);
    const a = bond(exact).slice(4);
    const b = bond(twin).slice(4);
    expect(a.slice(1).map((v, k) => a[k] - v)).toEqual(new Array(a.length - 1).fill(1));
    expect(new Set(b).size).toBe(1);
    // The gap only grows, so the largest stored-bond difference is at the last epoch.
    expect(r.bonds.maxAbs).toBeGreaterThanOrEqual(b[0] - a[a.length - 1]);
    expect(r.bonds.epoch).toBe(r.epochs.length - 1);
    // The step table names the first place the drift shows: the bonds read back at the start of an epoch.
    expect(r.firstDivergence?.step).toBe('bondsBefore');
    expect(r.firstOutputDifference?.epoch).toBe(0);
  });
});

/** Yuma 2 (bonds penalty ½, Yuma 3 off): two large validators and one with about 7 I32F32 ulps of stake. */
function smallValidatorTrace(tinyRao: number): string {
  const steps: object[] = [];
  for (let e = 0; e < 8; e++) {
    steps.push({ block: 100 * (e + 1), op: 'set_weights', uid: 0, uids: [3, 4], values: [65535, 20000] });
    steps.push({ op: 'set_weights', uid: 1, uids: [3, 4], values: [30000, 65535] });
    steps.push({ op: 'set_weights', uid: 2, uids: [3, 4], values: [65535, 65535] });
    steps.push({ op: 'epoch', rao_emission: 1_000_000_000_000 });
  }
  return JSON.stringify({
    format: 'yuma-trace/1', name: 'small validator under Yuma 2', n: 5,
    hyperparameters: { bonds_penalty: 32767, tempo: 100, max_allowed_validators: 3 },
    alpha_stake: [2e15, 1e15, tinyRao, 0, 0], validator_permit: [true, true, true, false, false], steps,
  });
}

describe('a small validator under Yuma 2', () => {
  const TINY = 5_000_000;

  it('earns dividends in real arithmetic but none in fixed point, because α ⊗ ΔB floors its bonds to 0', async () => {
    const { exact, twin } = await engines();
    const trace = parseTrace(smallValidatorTrace(TINY));
    const r = compareExactVsFloat(trace, exact, twin, { intermediates: true });
    const emission = r.fields.find((f) => f.field === 'validatorEmission')!;
    expect(emission.exactTotal[2]).toBe(0);
    expect(emission.floatTotal[2]).toBeGreaterThan(0);
    expect([emission.maxRel, emission.relUid]).toEqual([1, 2]);
    // The large validators barely move: only rounding.
    for (const uid of [0, 1]) expect(Math.abs(emission.exactTotal[uid] - emission.floatTotal[uid]) / emission.exactTotal[uid]).toBeLessThan(1e-8);

    const { replayTrace } = await import('../../src/model/replay.ts');
    const run = replayTrace(trace, exact, { intermediates: true });
    for (const { output } of run.epochs.slice(1)) {
      const m = output.intermediates!;
      // Stake: the floor of the I64F64 ratio, 7 ulps here.
      const total = trace.alphaStake.reduce((x, y) => x + y, 0n);
      expect(m.stake[2]).toBe((BigInt(TINY) << 32n) / total);
      // Its bond delta survives column normalisation, but α·ΔB floors to 0, so the EMA drops the entry.
      const alphaRaw = m.alpha!;
      for (const [, delta] of m.bondsDelta[2]) expect((alphaRaw * delta) >> 32n).toBe(0n);
      expect(m.bondsEma[2]).toEqual([]);
      expect(output.validatorEmission[2]).toBe(0n);
    }
    // The twin keeps a positive bond and pays the validator in proportion to it.
    const twinRun = replayTrace(trace, twin, { intermediates: true });
    const last = twinRun.epochs.at(-1)!.output as import('../../src/compare/float-intermediates.ts').FloatEpochOutput;
    expect(last.floatIntermediates!.bondsEma[2].every(([, v]) => v > 0)).toBe(true);
    expect(last.validatorEmission[2]).toBe(BigInt(Math.floor(last.floatIntermediates!.validatorShare[2] * 1e12)));
    // Every step of stake shows the relative error of the floor: (s − ⌊s·2^32⌋/2^32) / s.
    const s = TINY / Number(trace.alphaStake.reduce((x, y) => x + y, 0n));
    const expectedRel = (s - rawToReal(BigInt(Math.floor(s * 2 ** 32)))) / s;
    const stakeStep = r.epochs[1].steps!.find((st) => st.step === 'stake')!;
    expect(stakeStep.relAt).toBe('uid 2');
    expect(stakeStep.maxRel).toBeCloseTo(expectedRel, 6);
  });
});
