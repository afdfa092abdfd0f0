// Starting points for the compare view: the web app's default configs (yuma-sim-case §5.2 `web_defaults_bp*`),
// which config each chain path takes, and the 24 yuma-simulation cases (loaded lazily). Pure.
import type { JsonValue } from '../model/json-parse.ts';
import { readSimCase } from '../variants/sim-case-read.ts';
import { DEFAULT_SIM_CONFIG, type SimCase, type SimConfig, type SimVersion } from '../variants/sim-case.ts';
import type { ChainPath } from './case-to-trace.ts';
import type { SimCaseJson } from './sim-cases.ts';
import type { CompareVersion } from './versions.ts';

/** κ of the web form: 32767 / 65535, the chain's default. */
export const WEB_KAPPA = 32767 / 65535;

/**
 * The interactive web app's defaults for `version` (preset `web_defaults_bp{bondPenalty}`): κ 32767/65535,
 * EMA memory 0.9 (YUMA1: 0), liquid alpha on for YUMA3_LIQUID, the rest the package defaults.
 */
export function webDefaultConfig(version: SimVersion, bondPenalty = 1): SimConfig {
  return {
    ...DEFAULT_SIM_CONFIG,
    kappa: WEB_KAPPA,
    bond_penalty: bondPenalty,
    bond_moving_avg: version === 'YUMA1' ? 0 : 0.9,
    liquid_alpha: version === 'YUMA3_LIQUID',
  };
}

/** The research variant whose settings each chain path takes (the chain-order interactive variant of spec §10). */
export const CHAIN_PATH_VARIANT: Record<ChainPath, SimVersion> = { yuma1: 'YUMA2', yuma3: 'YUMA3', 'yuma3-liquid': 'YUMA3_LIQUID' };

/** A chain path with the web defaults of its matching variant. */
export function chainVersion(path: ChainPath, engine: 'exact' | 'float' = 'exact', bondPenalty = 1): CompareVersion {
  return { kind: 'chain', path, engine, config: webDefaultConfig(CHAIN_PATH_VARIANT[path], bondPenalty) };
}

/** An interactive-flavour research variant with the web defaults. */
export function variantVersion(version: SimVersion, bondPenalty = 1): CompareVersion {
  return { kind: 'variant', version, flavour: 'interactive', config: webDefaultConfig(version, bondPenalty) };
}

/** A case of the presets file, validated (throws TraceError on a malformed case). */
export function simCaseOf(json: SimCaseJson): SimCase {
  return readSimCase(json as unknown as JsonValue, '$.case');
}

/** The 24 preset cases; the data module is a separate chunk, fetched on first use. */
export async function loadSimCases(): Promise<SimCaseJson[]> {
  return (await import('./sim-cases.ts')).SIM_CASES;
}
