// The guided lessons, as data (the ncase/trust idea): predict, then see what the chain's own epoch computes.
// Pure. Answers are never written here; state/lessons.svelte.ts computes each one from the engine's numbers.
import type { Lesson } from './types.ts';

export type { Lesson, LessonScenario, LessonStep, Question, UidField } from './types.ts';

const U16 = [['0 (clipped away)', 0, 0.005], ['a little (under 0.25)', 0.005, 0.25], ['about half (0.25–0.75)', 0.25, 0.75], ['nearly all or all (over 0.75)', 0.75, 1.01]] as const;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'consensus-kappa',
    title: 'Consensus and kappa',
    summary: 'A miner’s consensus is the weight that validators holding at least kappa (half) of the stake agree on.',
    steps: [
      {
        title: 'The big validator moves first',
        body: 'Three validators (80 %, 10 %, 10 % of stake) score two servers. In epoch 2 the big validator moves all its weight to Server 2; the small ones still back Server 1.',
        scenario: { gallery: 'case-1' }, epoch: 2, view: 'metagraph',
        look: 'The consensus column of the two servers.',
        prompt: 'Which server has the higher consensus in epoch 2?',
        question: { kind: 'top', field: 'consensus', role: 'miner' },
        explain: 'Consensus is the stake-weighted median of the weights at kappa = 0.5: 80 % of the stake is on Server 2, so the median sits there.',
      },
      {
        title: 'The small validators move first',
        body: 'Now the two small validators (20 % of stake together) move to Server 2 before the big one. Epoch 3 is the last before the big validator follows.',
        scenario: { gallery: 'case-3' }, epoch: 3, view: 'metagraph',
        look: 'The consensus of Server 2 (uid 4).',
        prompt: 'How much consensus does Server 2 get in epoch 3, with 20 % of the stake behind it?',
        question: { kind: 'range', field: 'consensus', uid: 4, ranges: U16 },
        explain: 'Less than kappa of the stake supports Server 2, so the median weight on it is 0: being early is not yet consensus.',
      },
    ],
  },
  {
    id: 'clipping',
    title: 'Clipping a cabal',
    summary: 'Weight above consensus is clipped: a minority cannot pay a miner the majority does not back.',
    steps: [
      {
        title: 'A minority backs Server 1',
        body: 'The big validator (80 %) puts everything on Server 2. A small validator (10 %) splits its weight evenly between the servers, as a small cabal would to pay its own miner.',
        scenario: { gallery: 'case-13' }, epoch: 5, view: 'metagraph',
        look: 'Incentive of Server 1 (uid 3).',
        prompt: 'What share of the incentive does Server 1 get?',
        question: { kind: 'range', field: 'incentive', uid: 3, ranges: U16 },
        explain: 'Each weight is clipped to the consensus (the kappa median). Too little stake backs Server 1, its consensus is 0, so the minority’s weight on it counts for nothing.',
      },
      {
        title: 'Disagreeing giants, a small follower',
        body: 'Two big validators (49 % each) split 0.3/0.7 and 0.6/0.4; a tiny validator (2 %) splits 0.61/0.39. Consensus lands between the giants.',
        scenario: { gallery: 'case-11' }, epoch: 10, view: 'metagraph',
        look: 'Validator trust: the share of a validator’s weight that survives clipping.',
        prompt: 'Who keeps more of its weight after clipping: Big vali. 1 (0.3/0.7) or the small validator (0.61/0.39)?',
        question: { kind: 'compare', field: 'validatorTrust', a: 0, b: 2 },
        explain: 'Weight above consensus is cut. The validator whose split is nearer the consensus keeps more of its weight, so it has the higher validator trust.',
      },
    ],
  },
  {
    id: 'bonds',
    title: 'Bonds: why early support pays',
    summary: 'Dividends follow bonds, and bonds grow over epochs: a validator that backs a good miner early owns more of it.',
    steps: [
      {
        title: 'The eager and the lazy',
        body: 'A small eager validator moves to the better Server 2 one epoch before the big validator; a small lazy one moves a epoch after it. Both hold 10 % of the stake.',
        scenario: { gallery: 'case-2' }, epoch: 6, view: 'charts',
        look: 'Dividends per α staked, and the bonds chart of each validator.',
        prompt: 'In epoch 6, who earns more dividends per α of stake: the eager or the lazy small validator?',
        question: { kind: 'compare', field: 'dividendsPerStake', a: 1, b: 2 },
        explain: 'Bonds are an EMA of clipped weights. The eager validator started bonding to Server 2 earlier, so it holds a larger bond on the miner that now earns the incentive.',
      },
      {
        title: 'Many epochs later',
        body: 'The same subnet, much later: by now every validator has backed Server 2 for more than twenty epochs.',
        scenario: { gallery: 'case-2' }, epoch: 30, view: 'charts',
        look: 'Dividends per α of the eager (uid 1) and the lazy (uid 2) validator, against epoch 6.',
        prompt: 'In epoch 30, is the eager validator still ahead of the lazy one per α?',
        question: { kind: 'compare', field: 'dividendsPerStake', a: 1, b: 2 },
        explain: 'Bonds are an exponential moving average, so a head start fades: compare the two numbers with the gap of epoch 6 and see how much of the early advantage is left.',
      },
    ],
  },
  {
    id: 'weight-copying',
    title: 'Weight copying and commit-reveal',
    summary: 'A copier that sees others’ weights at once earns like them; commit-reveal makes it copy stale weights.',
    steps: [
      {
        title: 'Copying in the open',
        body: 'Two honest validators move between servers every 3 epochs as the better server changes. A copier (10 %) submits exactly what they submit, in the same epoch: without commit-reveal, weights are public.',
        scenario: { lessonCase: 'copier-instant' }, epoch: 12, view: 'metagraph',
        look: 'Dividends per α of the copier (uid 2) against Honest A (uid 0).',
        prompt: 'Does the copier earn more, less or the same dividends per α as Honest A?',
        question: { kind: 'compare', field: 'dividendsPerStake', a: 2, b: 0 },
        explain: 'Same weights, same bonds, same dividends per α: copying works when the weights are visible at once.',
      },
      {
        title: 'Copying under commit-reveal',
        body: 'With commit-reveal, weights are committed hashed and revealed one tempo later. The copier can only submit what was revealed: the honest weights of the epoch before.',
        scenario: { lessonCase: 'copier-commit-reveal' }, epoch: 12, view: 'metagraph',
        look: 'Dividends per α and validator trust of the copier (uid 2).',
        prompt: 'Now, does the copier earn more, less or the same per α as Honest A?',
        question: { kind: 'compare', field: 'dividendsPerStake', a: 2, b: 0 },
        explain: 'Every time the best server changes the copier is one epoch behind: its weight is clipped and its bonds sit on the server that just lost consensus. (The lesson models the reveal delay as a one-epoch lag; the engine also has the chain’s commit_reveal_enabled rule.)',
      },
    ],
  },
  {
    id: 'emission',
    title: 'Emission, halving and the split',
    summary: 'Where a subnet’s emission goes each epoch, and how the halving schedule shrinks it.',
    steps: [
      {
        title: 'Miners and validators',
        body: 'The chain takes the subnet owner’s cut (18 %) before the epoch. The epoch then splits what is left between miners (by incentive) and validators (by dividends).',
        scenario: { preset: 'four-by-four' }, epoch: 1, view: 'metagraph',
        look: 'The emission column: sum the miners’ and the validators’ rows.',
        prompt: 'What share of the epoch’s emission goes to the miners?',
        question: { kind: 'range', field: 'minerShare', ranges: [['about 18 %', 0.1, 0.3], ['about 41 %', 0.3, 0.45], ['half', 0.45, 0.55], ['about 82 %', 0.7, 0.9]] },
        explain: 'The epoch pays miners and validators half each of what it distributes. With the owner’s 18 % taken first, that is 41 % / 41 % / 18 % of the subnet’s whole emission.',
      },
      {
        title: 'The halving schedule',
        body: 'Block emission starts at 1 TAO and halves each time issuance passes another half of what is left of the 21 M cap: at 10.5 M, 15.75 M, 18.375 M… The chain view (not on this page yet) runs it block by block; here the schedule’s own formula answers.',
        scenario: { preset: 'four-by-four' }, epoch: 1, view: 'metagraph',
        look: 'The numbers: halvings k = ⌊log₂(1 / (1 − issuance / 21 M))⌋, emission = 1 TAO / 2ᵏ.',
        prompt: 'After 16 M TAO have been issued, what is the block emission?',
        question: { kind: 'halving', issuanceTao: 16_000_000 },
        explain: '16 M is past the second halving (15.75 M) but not the third (18.375 M): two halvings, so 1 TAO / 4. Every epoch’s rao_emission shrinks in the same proportion.',
      },
    ],
  },
];
