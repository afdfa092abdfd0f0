// Every lesson step runs on the engine: its subnet restores and replays, its epoch exists, and the engine's answer is
// one of the offered choices (so the copy can never ask a question the numbers do not answer). Routes parse.
import { beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/copy/lessons/index.ts';
import { presetTrace } from '../../src/state/presets.ts';
import { answerFor, halvings, parseRoute } from '../../src/state/lessons.svelte.ts';
import type { EpochSummary, NeuronMeta } from '../../src/engine/client.ts';
import { loadWasmEngineNode } from '../../src/engine/node-loader.ts';
import type { EpochEngine } from '../../src/model/epoch.ts';
import { replayTrace } from '../../src/model/replay.ts';
import { restoreScenario } from '../../src/model/scenario.ts';
import { resolveLessonScenario } from '../../src/ui/lessons/resolve.ts';
import { traceOf } from '../model/trace-fixture.ts';

let engine: EpochEngine;
beforeAll(async () => {
  engine = await loadWasmEngineNode();
});

const steps = LESSONS.flatMap((l) => l.steps.map((s, i) => [`${l.id} step ${i + 1}`, s] as const));

describe(answerFor, () => {
  it('has at least five lessons, each with a unique id and two or more steps', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(l.steps.length).toBeGreaterThanOrEqual(2);
  });

  it.each(steps)('%s: the engine’s answer is one of the choices', async (_name, step) => {
    const text = 'preset' in step.scenario ? presetTrace(step.scenario.preset) : (await resolveLessonScenario(step.scenario)).text;
    const trace = traceOf(restoreScenario(text));
    const labels = (JSON.parse(text).playground?.neurons ?? []) as NeuronMeta[];
    const meta = Array.from({ length: trace.n }, (_, uid) => labels[uid] ?? { name: `uid ${uid}`, role: trace.validatorPermit[uid] ? 'validator' : 'miner' });
    // The four-by-four preset has no epoch steps: the page runs one, the test appends it.
    const epochs = replayTrace(trace.steps.some((s) => s.op === 'epoch') ? trace : { ...trace, steps: [{ block: null, op: 'epoch', raoEmission: 1_000_000_000n }] }, engine).epochs;
    const out = epochs[step.epoch - 1]?.output;
    if (step.question.kind !== 'halving') expect(out, 'the step’s epoch exists').toBeDefined();
    const summary = out && ({
      ...out,
      alphaStake: BigUint64Array.from(trace.alphaStake),
      emission: BigUint64Array.from(out.emission),
      serverEmission: BigUint64Array.from(out.serverEmission),
    } as unknown as EpochSummary);
    const answer = answerFor(step.question, summary ?? null, meta);
    expect(answer).not.toBeNull();
    expect(answer!.correct).toBeGreaterThanOrEqual(0);
    expect(answer!.correct).toBeLessThan(answer!.choices.length);
  });
});

describe(halvings, () => {
  it('counts the halvings of the schedule: none before 10.5 M, one to 15.75 M, two to 18.375 M', () => {
    expect([0, 10.4e6, 10.5e6, 15.7e6, 15.75e6, 16e6, 18.375e6, 21e6].map(halvings)).toEqual([0, 0, 1, 1, 2, 2, 3, 64]);
  });
});

describe(parseRoute, () => {
  it('tells share links, the gallery and lesson steps apart, and ignores anything else', () => {
    expect(parseRoute('#v1/abc')).toEqual({ kind: 'share' });
    expect(parseRoute('#gallery')).toEqual({ kind: 'gallery' });
    expect(parseRoute('#lesson/bonds/2')).toEqual({ kind: 'lesson', id: 'bonds', step: 2 });
    expect(parseRoute('#lesson/bonds')).toEqual({ kind: 'lesson', id: 'bonds', step: 1 });
    expect(parseRoute('#lesson/nope/1')).toEqual({ kind: 'none' });
    expect(parseRoute('#views')).toEqual({ kind: 'none' });
  });
});
