// The BigInt oracle as an EpochEngine: the readable second implementation the WASM core is fuzzed against.

import type { EpochEngine } from '../model/epoch.ts';
import { maxUpscaleU16 } from './emission.ts';
import { oracleEpoch } from './epoch.ts';

/** The oracle engine ('oracle-bigint'): exact BigInt fixed point, the median by sorting rather than quickselect. */
export const oracleEngine: EpochEngine = {
  name: 'oracle-bigint',
  runEpoch: (input, options) => oracleEpoch(input, options),
  maxUpscaleU16: (values) => maxUpscaleU16(values),
};

export { oracleEpoch };
