// The shipped chain scenarios (chain.md §5.8) as yuma-chain/1 documents, each with its one-line story.
// Data only: parse with parseScenario(JSON.stringify(preset.doc)); every preset is also a test case.
import burnUidPenalty from './burn-uid-penalty.json';
import commitRevealVsCopying from './commit-reveal-vs-copying.json';
import newSubnetRamp from './new-subnet-ramp.json';
import postHalving from './post-halving.json';
import preHalving from './pre-halving.json';
import registrationRush from './registration-rush.json';
import ruleFeb2025 from './rule-history-feb-2025.json';
import ruleFlow from './rule-history-flow.json';
import ruleJune2026 from './rule-history-june-2026.json';
import ruleTag424 from './rule-history-tag-424.json';

export interface ChainPreset {
  /** The file name under src/chain/presets/. */
  file: string;
  /** The raw yuma-chain/1 document (its `name` and `description` are the title and the story). */
  doc: { name: string; description: string } & Record<string, unknown>;
}

export const CHAIN_PRESETS = {
  'pre-halving': { file: 'pre-halving.json', doc: preHalving },
  'post-halving': { file: 'post-halving.json', doc: postHalving },
  'new-subnet-ramp': { file: 'new-subnet-ramp.json', doc: newSubnetRamp },
  'burn-uid-penalty': { file: 'burn-uid-penalty.json', doc: burnUidPenalty },
  'commit-reveal-vs-copying': { file: 'commit-reveal-vs-copying.json', doc: commitRevealVsCopying },
  'registration-rush': { file: 'registration-rush.json', doc: registrationRush },
  'rule-history-feb-2025': { file: 'rule-history-feb-2025.json', doc: ruleFeb2025 },
  'rule-history-flow': { file: 'rule-history-flow.json', doc: ruleFlow },
  'rule-history-tag-424': { file: 'rule-history-tag-424.json', doc: ruleTag424 },
  'rule-history-june-2026': { file: 'rule-history-june-2026.json', doc: ruleJune2026 },
} satisfies Record<string, ChainPreset>;

export type ChainPresetId = keyof typeof CHAIN_PRESETS;
