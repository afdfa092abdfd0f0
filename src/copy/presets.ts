// The presets' names and one-line stories, as data (the ncase/trust idea: words apart from code).
// Pure; src/state/presets.ts builds the subnets they describe.

export const PRESET_COPY = {
  'four-by-four': {
    name: 'Four validators, four miners',
    story:
      'Validators with 1, 2, 3 and 4 thousand α all weight four miners 1 : 2 : 3 : 4, as in subtensor’s test_bonds, on a new subnet’s Yuma 3. Edit a weight, then step.',
  },
  'kappa-moves-first': {
    name: 'Kappa moves first',
    story:
      'yuma-simulation case 1: the big validator (80 % of stake) moves to the better Server 2 first and the two small validators follow one and two epochs later.',
  },
  'clipping-demo': {
    name: 'Clipping demo',
    story:
      'yuma-simulation case 11: two big validators (49 % each) disagree on the split, so clipping at the stake-weighted median decides what the small third validator is paid for.',
  },
  'one-epoch-defection': {
    name: 'One-epoch defection',
    story:
      'yuma-simulation case 14: three validators of near-equal stake support Server 1; one defects to Server 2 for the single epoch 20. What does the defection cost it?',
  },
  'large-256': {
    name: 'Large subnet (256 uids)',
    story:
      '64 validators with long-tailed stake score 192 miners of hidden quality with noise (seeded random). Play it to watch a realistic-size epoch run in the worker.',
  },
} as const;

export type PresetId = keyof typeof PRESET_COPY;
export const PRESET_IDS = Object.keys(PRESET_COPY) as PresetId[];
