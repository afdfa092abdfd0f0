// The engine API object (src/engine/api.ts) called directly in node, with the release wasm from src/generated/.
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { makeEngineApi } from '../../src/engine/api.ts';
import { oracleEngine } from '../../src/oracle/index.ts';
import { firstEpochInput, runFirstPreset } from '../../src/ui/preset.ts';

const WASM = new URL('../../src/generated/engine.wasm', import.meta.url);
const compile = async () => WebAssembly.compile(await readFile(WASM));

describe(makeEngineApi, () => {
  it('loads nothing until the first call, then compiles the module exactly once', async () => {
    const load = vi.fn(compile);
    const api = makeEngineApi(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([api.version(), api.runEpoch(firstEpochInput()), api.version()]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('names the engine in version()', async () => {
    const version = await makeEngineApi(compile).version();
    expect(typeof version).toBe('string');
    expect(version.length).toBeGreaterThan(0);
  });

  it('returns one value per uid and emits at most the epoch emission, most of it, on the first preset', async () => {
    const api = makeEngineApi(compile);
    const { input, output } = await runFirstPreset((i) => api.runEpoch(i));
    for (const v of [output.emission, output.incentive, output.dividends, output.consensus, output.validatorTrust, output.newValidatorPermit]) {
      expect(v).toHaveLength(input.n);
    }
    const emitted = output.emission.reduce((a, b) => a + b, 0n);
    expect(emitted).toBeLessThanOrEqual(input.raoEmission);
    expect(emitted).toBeGreaterThan((input.raoEmission * 999n) / 1000n); // only rounding may be lost
    expect(output.newValidatorPermit.slice(0, 4)).toEqual([true, true, true, true]); // the staked uids
  });

  it('agrees with the BigInt oracle on the first page preset, bit for bit', async () => {
    const api = makeEngineApi(compile);
    const viaApi = await runFirstPreset((i) => api.runEpoch(i));
    const viaOracle = await runFirstPreset(async (i) => oracleEngine.runEpoch(i));
    expect(viaApi.output).toEqual(viaOracle.output);
  });

  it('gives bit-identical outputs for the same input and leaves the input unchanged', async () => {
    const api = makeEngineApi(compile);
    const input = firstEpochInput();
    const before = structuredClone(input);
    expect(await api.runEpoch(input)).toEqual(await api.runEpoch(structuredClone(input)));
    expect(input).toEqual(before);
  });

  it('rejects when the module fails to load, and loads again on the next call', async () => {
    const load = vi.fn(compile).mockRejectedValueOnce(new Error('offline'));
    const api = makeEngineApi(load);
    await expect(api.version()).rejects.toThrow('offline');
    await expect(api.version()).resolves.toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
