// The playground's labels (neuron names and roles, next emission, keep-alive) travel with a subnet through the one
// restore path: into links and files and back, validated like the rest of the document; a trace without them has none.
import { describe, expect, it } from 'vitest';
import { restoreScenario, serializeScenario, type Scenario } from '../../src/model/scenario.ts';
import { decodeShare, encodeShare } from '../../src/model/share.ts';
import { TraceError } from '../../src/model/trace-error.ts';
import { validTraceDoc } from './trace-fixture.ts';

const labelled = () => ({
  ...validTraceDoc(),
  playground: {
    neurons: [
      { name: 'Opentensor Foundation', role: 'validator' },
      { name: '<b>not markup</b>', role: 'miner' },
      { name: 'tao.bot 🚀', role: 'miner' },
      { name: '', role: 'validator' },
    ],
    rao_emission: '18446744073709551615',
    keep_alive: false,
  },
});

const viaLink = (s: Scenario): Scenario => {
  const link = encodeShare(s);
  if (!('hash' in link)) throw new Error('too large');
  return decodeShare(link.hash);
};

const faultOf = (doc: unknown): TraceError => {
  try {
    restoreScenario(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(TraceError);
    return e as TraceError;
  }
  throw new Error('restored without error');
};

describe('playground labels', () => {
  it('survive a share link and a file, names kept exactly as text', () => {
    const s = restoreScenario(labelled());
    expect(s.kind === 'subnet' && s.labels).toEqual({
      neurons: labelled().playground.neurons,
      raoEmission: 18446744073709551615n,
      keepAlive: false,
    });
    const back = viaLink(s);
    expect(back).toEqual(s);
    expect(restoreScenario(serializeScenario(back))).toEqual(s);
  });

  it('are absent when the document has none, and a link of such a trace stays without them', () => {
    const s = restoreScenario(validTraceDoc());
    expect(s.kind === 'subnet' && 'labels' in s).toBe(false);
    expect(JSON.parse(serializeScenario(viaLink(s)))).not.toHaveProperty('playground');
  });

  it('are written canonically: default labels as null, all-default labels not at all', () => {
    const doc = labelled();
    const s = restoreScenario(doc);
    if (s.kind !== 'subnet' || !s.labels) throw new Error('expected labels');
    // Uid 3 is a validator (permit) named '' here; its default label would be V3.
    const renamedOnly = { ...validTraceDoc(), playground: { neurons: [null, null, null, { name: 'Vee', role: 'validator' }] } };
    const written = JSON.parse(serializeScenario(restoreScenario(renamedOnly)));
    expect(written.playground).toEqual({ neurons: [null, null, null, { name: 'Vee', role: 'validator' }] });
    const defaults = restoreScenario(renamedOnly);
    if (defaults.kind !== 'subnet') throw new Error('expected a subnet');
    const allDefault = { ...validTraceDoc(), playground: { neurons: defaults.labels!.neurons.map((m, uid) => (uid === 3 ? { name: 'V3', role: 'validator' } : m)), keep_alive: true } };
    const plain = restoreScenario(allDefault);
    expect('labels' in plain).toBe(false);
    expect(JSON.parse(serializeScenario(plain))).not.toHaveProperty('playground');
  });

  it('are validated with a JSON path, like every other field', () => {
    const wrongCount = labelled();
    wrongCount.playground.neurons.pop();
    expect(faultOf(wrongCount).message).toMatch(/^playground\.neurons: /);
    const longName = labelled();
    longName.playground.neurons[2].name = 'x'.repeat(41);
    expect(faultOf(longName).message).toBe('playground.neurons[2].name: longer than 40 characters');
    const badRole = labelled();
    (badRole.playground.neurons[1] as { role: string }).role = 'owner';
    expect(faultOf(badRole).message).toBe('playground.neurons[1].role: expected "validator" or "miner"');
    const badEmission = labelled() as { playground: { rao_emission: unknown } };
    badEmission.playground.rao_emission = -1;
    expect(faultOf(badEmission).message).toMatch(/^playground\.rao_emission: negative value/);
  });
});
