// State hashes of every shipped preset at its start and after 400 blocks, frozen from commit c981880 (before
// subnet pruning and the TAO-flow state existed). Features a document does not use must not change its state
// or hash: a scenario that never dissolves a subnet and does not pin a flow rule hashes exactly as before.
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../src/chain/hash.ts';
import { CHAIN_PRESETS, type ChainPresetId } from '../../src/chain/presets/index.ts';
import { runScenario } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { engines } from './helpers.ts';

const eng = await engines();

/** [hash at start_block, hash after 400 blocks], as computed by the code at commit c981880. */
const FROZEN: Partial<Record<ChainPresetId, [string, string]>> = {
  'pre-halving': ['371a876862c95b68', 'f54ed95a87676bfd'],
  'post-halving': ['d574800ddb1f7465', 'ace19742b0790c15'],
  'new-subnet-ramp': ['61072e226f45511c', 'fb8855d4fe936165'],
  'burn-uid-penalty': ['ad50de6248df68ed', '075ad1e46fd5fa70'],
  'commit-reveal-vs-copying': ['c54158f308fc9843', '14151dcaf5ffb6a4'],
  'registration-rush': ['d5b463f23ac2ec74', '27258a6a782e6a6f'],
  'rule-history-feb-2025': ['6959e3a833b4a3f5', 'fc8c4a1a287666f1'],
  'rule-history-tag-424': ['cd5091aecb1440c5', '0947b8b4b8501e76'],
  'rule-history-june-2026': ['f9c2993372bbafe4', '5a74b170fde49535'],
};

describe(stateHash, () => {
  for (const [id, [start, after]] of Object.entries(FROZEN) as [ChainPresetId, [string, string]][]) {
    it(`${id}: hashes as before at its start and after 400 blocks`, () => {
      const scenario = parseScenario(JSON.stringify(CHAIN_PRESETS[id].doc));
      expect(stateHash(runScenario(scenario, eng, { blocks: 0 }))).toBe(start);
      expect(stateHash(runScenario(scenario, eng, { blocks: 400 }))).toBe(after);
    });
  }
});
