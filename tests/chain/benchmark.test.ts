// A scaled-down benchmark chain (src/chain/presets/benchmark.ts: dense weights, root stake on some
// validators, periodic weight updates) keeps every conservation identity over a full tempo and more.
import { describe, expect, it } from 'vitest';
import { flowErrors, holdingErrors, totals } from '../../src/chain/conservation.ts';
import { createChain } from '../../src/chain/create.ts';
import { benchmarkScenario } from '../../src/chain/presets/benchmark.ts';
import { runScenario } from '../../src/chain/run.ts';
import { parseScenario } from '../../src/chain/scenario.ts';
import { engines } from './helpers.ts';

const eng = await engines();

describe(benchmarkScenario, () => {
  it('runs 3 subnets × 32 uids for 1 300 blocks with all conservation checks holding after every block', () => {
    const scenario = parseScenario(JSON.stringify(benchmarkScenario(3, 32, 8, 1300)));
    let before = totals(createChain(scenario));
    const problems: string[] = [];
    let epochs = 0;
    let failed = 0;
    runScenario(scenario, eng, {
      onBlock: (report, state) => {
        problems.push(...holdingErrors(state), ...flowErrors(before, state, report));
        before = totals(state);
        epochs += report.epochs.ran.length;
        failed += report.actions.filter((a) => !a.ok).length;
      },
    });
    expect(problems).toEqual([]);
    expect(failed).toBe(0);
    // At start block 0 the stagger floors to 0: all three are due at 360, 720, 1080 (the third a block late).
    expect(epochs).toBe(9);
  });
});
