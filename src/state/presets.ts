// Builds each preset as a yuma-trace/1 text (plus the playground's labels), ready for the session to load.
// Pure: no DOM, no engine. The yuma-simulation cases run on the chain's exact epoch with the chain's defaults.
import { PRESET_COPY, type PresetId } from '../copy/presets.ts';
import { TEACHING_CASES, type TeachingCase } from '../copy/teaching-cases.ts';
import { seededRandom } from './random.ts';

const ALPHA = 1_000_000_000;
const TEMPO = 360;
type Json = Record<string, unknown>;

/** Raw non-negative floats → u16 values scaled so the row maximum is 65535 (what the chain stores); all zeros stay zeros. */
export function toU16Row(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? Math.round((Math.max(0, v) / max) * 65535) : 0));
}

const rao = (alpha: number) => String(BigInt(Math.round(alpha * 1e6)) * BigInt(ALPHA / 1e6));
const neurons = (names: string[], validators: number) => names.map((name, uid) => ({ name, role: uid < validators ? 'validator' : 'miner' }));

function doc(name: string, n: number, fields: Json, labels: Json[], steps: Json[] = []): string {
  return JSON.stringify({
    format: 'yuma-trace/1',
    name,
    n,
    start_block: 100,
    hyperparameters: { tempo: TEMPO, yuma3_enabled: true, max_allowed_validators: 64 },
    block_at_registration: new Array(n).fill(0),
    ...fields,
    steps,
    playground: { neurons: labels, rao_emission: String(BigInt(TEMPO) * BigInt(ALPHA)), keep_alive: true },
  });
}

function fourByFour(): string {
  const row = [[4, 16383], [5, 32767], [6, 49149], [7, 65535]];
  return doc(PRESET_COPY['four-by-four'].name, 8, {
    alpha_stake: [1000, 2000, 3000, 4000, 0, 0, 0, 0].map(rao),
    last_update: [100, 100, 100, 100, 0, 0, 0, 0],
    validator_permit: [true, true, true, true, false, false, false, false],
    weights: [row, row, row, row, [], [], [], []],
  }, neurons(['Ada', 'Brin', 'Cato', 'Dido', 'M4', 'M5', 'M6', 'M7'], 4));
}

/** A yuma-simulation case: validators are uids 0..V−1, servers V..V+S−1; every epoch each validator re-submits its row. */
export function caseTrace(c: TeachingCase, name: string): string {
  const V = c.validators.length;
  const n = V + c.servers.length;
  const rowOf = (e: number, v: number) => toU16Row(c.weights[e][v]).map((w, s) => [V + s, w]);
  const steps: Json[] = [];
  for (let e = 0; e < c.num_epochs; e++) {
    const block = 100 + (e + 1) * TEMPO;
    if (c.reset_bonds && c.reset_bonds.epoch === e) steps.push({ block, op: 'reset_bonds', uid: V + c.reset_bonds.server_index });
    for (let v = 0; v < V; v++) {
      if (e > 0 && c.stakes[e][v] !== c.stakes[e - 1][v]) steps.push({ block, op: 'set_stake', uid: v, alpha_stake: rao(c.stakes[e][v] * 1000) });
      const row = rowOf(e, v);
      steps.push({ block, op: 'set_weights', uid: v, uids: row.map(([j]) => j), values: row.map(([, w]) => w) });
    }
    steps.push({ block, op: 'epoch', rao_emission: String(BigInt(TEMPO) * BigInt(ALPHA)) });
  }
  return doc(name, n, {
    alpha_stake: [...c.stakes[0].map((s) => rao(s * 1000)), ...c.servers.map(() => '0')],
    last_update: new Array(n).fill(100),
    validator_permit: Array.from({ length: n }, (_, uid) => uid < V),
    weights: Array.from({ length: n }, (_, uid) => (uid < V ? rowOf(0, uid) : [])),
  }, neurons([...c.validators, ...c.servers], V), steps);
}

/** 64 validators (stake ∝ 1/(i+1)^0.8), 192 miners of hidden quality, weights = quality + noise; seed 42. */
export function largeTrace(validators = 64, miners = 192, seed = 42): string {
  const rand = seededRandom(seed);
  const n = validators + miners;
  const quality = Array.from({ length: miners }, () => rand());
  const weights = Array.from({ length: n }, (_, uid) => {
    if (uid >= validators) return [];
    return toU16Row(quality.map((q) => Math.max(0, q + (rand() - 0.5) * 0.6))).map((w, s) => [validators + s, w]);
  });
  const stake = Array.from({ length: n }, (_, uid) => (uid < validators ? rao(Math.round(20000 / (uid + 1) ** 0.8)) : '0'));
  const names = Array.from({ length: n }, (_, uid) => (uid < validators ? `V${uid}` : `M${uid}`));
  return doc(PRESET_COPY['large-256'].name, n, {
    alpha_stake: stake,
    last_update: Array.from({ length: n }, (_, uid) => (uid < validators ? 100 : 0)),
    validator_permit: Array.from({ length: n }, (_, uid) => uid < validators),
    weights,
  }, neurons(names, validators));
}

/** The trace text of a preset. */
export function presetTrace(id: PresetId): string {
  if (id === 'four-by-four') return fourByFour();
  if (id === 'large-256') return largeTrace();
  const c = TEACHING_CASES.find((t) => t.key === id);
  if (!c) throw new Error(`unknown preset ${id}`);
  return caseTrace(c, PRESET_COPY[id].name);
}
