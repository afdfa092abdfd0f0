// Subnets written for the lessons, in the yuma-simulation case shape (raw stakes and weights per epoch) so they go
// through the gallery's one case→trace mapping. Pure data.
import type { SimCaseJson } from '../../compare/sim-cases.ts';

const EPOCHS = 18;
/** Honest validators move between the two servers every 3 epochs (the better server keeps changing). */
const honest = (e: number) => (Math.floor(e / 3) % 2 === 0 ? [1, 0] : [0, 1]);

/** Two honest validators and a weight copier that submits what the honest ones submitted `lag` epochs earlier. */
function copierCase(number: number, key: string, name: string, lag: number): SimCaseJson {
  return {
    number,
    key,
    name,
    validators: ['Honest A (0.45)', 'Honest B (0.45)', 'Copier (0.1)'],
    servers: ['Server 1', 'Server 2'],
    base_validator: 0,
    num_epochs: EPOCHS,
    stakes: Array.from({ length: EPOCHS }, () => [0.45, 0.45, 0.1]),
    weights: Array.from({ length: EPOCHS }, (_, e) => [honest(e), honest(e), honest(Math.max(0, e - lag))]),
    reset_bonds: null,
  };
}

export const LESSON_CASES: Record<string, SimCaseJson> = {
  'copier-instant': copierCase(101, 'copier-instant', 'weight copier, weights public at once', 0),
  'copier-commit-reveal': copierCase(102, 'copier-commit-reveal', 'weight copier under commit-reveal (one tempo late)', 1),
};
