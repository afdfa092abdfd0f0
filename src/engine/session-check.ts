// Validation of a session edit against the current document, with messages a person can act on.
// Pure; throws a plain Error whose message is one sentence. The trace reader's ranges apply (yuma-trace/1).
import type { Hyperparameters } from '../model/epoch.ts';
import type { SessionDoc, SessionEdit } from './session-doc.ts';

const U64_MAX = (1n << 64n) - 1n;
const MAX_N = 4096;

type Range = [min: number, max: number] | 'u64' | 'bool';
const HYPER_RANGES: Record<keyof Hyperparameters, Range> = {
  kappa: [0, 65535],
  bondsPenalty: [0, 65535],
  bondsMovingAverage: 'u64',
  tempo: [0, 65535],
  activityCutoffFactorMilli: [0, 0xffffffff],
  maxAllowedValidators: [0, 65535],
  yuma3Enabled: 'bool',
  liquidAlphaEnabled: 'bool',
  alphaLow: [0, 65535],
  alphaHigh: [0, 65535],
  alphaSigmoidSteepness: [-32768, 32767],
  stakeThreshold: 'u64',
  commitRevealEnabled: 'bool',
  legacy: 'bool',
};

function fail(message: string): never {
  throw new Error(message);
}

function uidOk(doc: SessionDoc, uid: number, what = 'uid'): void {
  if (!Number.isInteger(uid) || uid < 0 || uid >= doc.base.n) fail(`${what} ${uid} does not exist (the subnet has uids 0–${doc.base.n - 1}).`);
}

function u64Ok(v: bigint, what: string): void {
  if (typeof v !== 'bigint' || v < 0n || v > U64_MAX) fail(`${what} must be a whole number of rao between 0 and 2^64 − 1.`);
}

function hyperOk(values: Partial<Hyperparameters>): void {
  for (const [key, v] of Object.entries(values)) {
    const range = HYPER_RANGES[key as keyof Hyperparameters];
    if (range === undefined) fail(`unknown hyperparameter ${key}.`);
    if (range === 'bool') { if (typeof v !== 'boolean') fail(`${key} must be on or off.`); continue; }
    if (range === 'u64') { u64Ok(v as bigint, key); continue; }
    if (!Number.isInteger(v) || (v as number) < range[0] || (v as number) > range[1]) fail(`${key} must be a whole number from ${range[0]} to ${range[1]}.`);
  }
}

/** Throws when `e` cannot apply to `doc`; the message names the field and the allowed range. */
export function checkEdit(doc: SessionDoc, e: SessionEdit): void {
  switch (e.op) {
    case 'set_weights': {
      uidOk(doc, e.uid);
      if (e.uids.length !== e.values.length) fail('weights: one value per uid is needed.');
      if (new Set(e.uids).size !== e.uids.length) fail('weights: a uid appears twice in the row.');
      for (const j of e.uids) uidOk(doc, j, 'weight target uid');
      for (const v of e.values) if (!Number.isInteger(v) || v < 0 || v > 65535) fail('a weight must be a whole number from 0 to 65535 (u16).');
      return;
    }
    case 'set_stake':
      uidOk(doc, e.uid);
      u64Ok(e.alphaStake, 'alpha stake');
      if (e.taoStake !== undefined) u64Ok(e.taoStake, 'TAO stake');
      return;
    case 'set_hyperparameter': return hyperOk(e.values);
    case 'register':
    case 'deregister':
      uidOk(doc, e.uid);
      if (e.uid === doc.base.ownerUid) fail(`uid ${e.uid} is the subnet owner's hotkey, which is never replaced.`);
      if (e.op === 'register') u64Ok(e.alphaStake, 'alpha stake');
      return;
    case 'set_last_update': uidOk(doc, e.uid); return u64Ok(e.value, 'last update block');
    case 'reset_bonds':
    case 'rename':
    case 'set_role':
      return uidOk(doc, e.uid);
    case 'remove_neuron':
      uidOk(doc, e.uid);
      if (doc.base.n <= 1) fail('a subnet needs at least one uid.');
      return;
    case 'add_neuron':
      if (doc.base.n >= MAX_N) fail(`a subnet holds at most ${MAX_N} uids.`);
      return u64Ok(e.alphaStake, 'alpha stake');
    case 'set_emission': return u64Ok(e.raoEmission, 'emission per epoch');
    case 'set_keep_alive': return;
  }
}
