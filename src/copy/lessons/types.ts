// The shape of a guided lesson, as data: each step is a scenario, an epoch to look at, a question and what to look at.
// Pure types; the answers are never written here: state/lessons.svelte.ts computes them from the engine's numbers.
import type { PresetId } from '../presets.ts';

/** A per-uid number of an epoch; `dividendsPerStake` = share of dividends / share of stake (1 = in proportion to stake). */
export type UidField = 'consensus' | 'incentive' | 'dividends' | 'validatorTrust' | 'dividendsPerStake';

/** What a question asks; the right choice is computed from the epoch the step shows. */
export type Question =
  /** Which uid of a role has the highest (or lowest) value: the choices are that role's names. */
  | { kind: 'top'; field: UidField; role: 'miner' | 'validator'; lowest?: boolean }
  /** Is uid `a` or uid `b` higher (or are they within 1 %)? */
  | { kind: 'compare'; field: UidField; a: number; b: number }
  /** Which range a uid's value (as a fraction of its maximum: u16 / 65535, or a share) falls in. */
  | { kind: 'range'; field: UidField | 'minerShare'; uid?: number; ranges: readonly (readonly [label: string, lo: number, hi: number])[] }
  /** The block emission after `issuanceTao` TAO have been issued, from the halving schedule. */
  | { kind: 'halving'; issuanceTao: number };

/** Where a step's subnet comes from: a preset, a gallery entry (`case-<n>`, a subtensor test) or a lesson's own case. */
export type LessonScenario = { preset: PresetId } | { gallery: string } | { lessonCase: string };

export interface LessonStep {
  title: string;
  /** What is going on, in two or three sentences. */
  body: string;
  scenario: LessonScenario;
  /** The epoch to show (the step runs epochs when the subnet has fewer). */
  epoch: number;
  /** The view to open: where to look. */
  view: 'metagraph' | 'charts' | 'inspector' | 'weights';
  look: string;
  prompt: string;
  question: Question;
  /** Shown with the engine's answer: why it comes out that way. */
  explain: string;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  steps: readonly LessonStep[];
}
