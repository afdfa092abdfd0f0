// The `actions` of yuma-chain/1: one reader per op. Pure; throws TraceError(path, fault). Whether an
// action succeeds is decided when it runs (with the chain's errors), not here: here only its shape.
import type { JsonObject, JsonValue } from '../model/json-parse.ts';
import { TraceError, indexPath, keyPath, quote } from '../model/trace-error.ts';
import { describe, optional, readArray, readEach, readInt, readObject, readU16, readU64, required } from '../model/trace-fields.ts';
import type { ChainAction, ScheduledAction } from './actions.ts';
import { ROOT_PARAMETERS, SUBNET_HYPERPARAMETERS } from './hyperparams.ts';
import { readName, readValue } from './scenario-values.ts';

type Reader = (s: JsonObject, path: string) => ChainAction;

const field = (s: JsonObject, key: string, path: string) => [required(s, key, path), keyPath(path, key)] as const;
const name = (s: JsonObject, key: string, path: string) => readName(...field(s, key, path));
const netuid = (s: JsonObject, key: string, path: string) => readInt(...field(s, key, path), 0, 65535, 'netuid');
const u64 = (s: JsonObject, key: string, path: string) => readU64(...field(s, key, path));

function weights(op: 'set_weights' | 'commit_weights'): Reader {
  return (s, path) => {
    const [uidsJson, uidsPath] = field(s, 'uids', path);
    const [valuesJson, valuesPath] = field(s, 'values', path);
    const version = optional(s, 'version_key');
    return {
      op,
      hotkey: name(s, 'hotkey', path),
      netuid: netuid(s, 'netuid', path),
      uids: readEach(readArray(uidsJson, uidsPath), uidsPath, (v, p) => readInt(v, p, 0, 65535, 'uid')),
      values: readEach(readArray(valuesJson, valuesPath), valuesPath, readU16),
      versionKey: version === undefined ? 0n : readU64(version, keyPath(path, 'version_key')),
    };
  };
}

const take = (op: 'decrease_take' | 'increase_take'): Reader => (s, path) => ({
  op, coldkey: name(s, 'coldkey', path), hotkey: name(s, 'hotkey', path), take: readU16(...field(s, 'take', path)),
});

const READERS: Record<ChainAction['op'], Reader> = {
  set_weights: weights('set_weights'),
  commit_weights: weights('commit_weights'),
  add_stake: (s, path) => {
    const limit = optional(s, 'limit_price');
    return {
      op: 'add_stake', coldkey: name(s, 'coldkey', path), hotkey: name(s, 'hotkey', path), netuid: netuid(s, 'netuid', path),
      amount: u64(s, 'amount', path), limitPrice: limit === undefined || limit === null ? null : readU64(limit, keyPath(path, 'limit_price')),
    };
  },
  remove_stake: (s, path) => ({
    op: 'remove_stake', coldkey: name(s, 'coldkey', path), hotkey: name(s, 'hotkey', path), netuid: netuid(s, 'netuid', path), amount: u64(s, 'amount', path),
  }),
  move_stake: (s, path) => ({
    op: 'move_stake', coldkey: name(s, 'coldkey', path),
    originHotkey: name(s, 'origin_hotkey', path), destinationHotkey: name(s, 'destination_hotkey', path),
    originNetuid: netuid(s, 'origin_netuid', path), destinationNetuid: netuid(s, 'destination_netuid', path), amount: u64(s, 'amount', path),
  }),
  burned_register: (s, path) => ({ op: 'burned_register', coldkey: name(s, 'coldkey', path), hotkey: name(s, 'hotkey', path), netuid: netuid(s, 'netuid', path) }),
  register_network: (s, path) => ({ op: 'register_network', coldkey: name(s, 'coldkey', path), hotkey: name(s, 'hotkey', path) }),
  dissolve_network: (s, path) => ({ op: 'dissolve_network', netuid: netuid(s, 'netuid', path) }),
  start_call: (s, path) => ({ op: 'start_call', coldkey: name(s, 'coldkey', path), netuid: netuid(s, 'netuid', path) }),
  trigger_epoch: (s, path) => ({ op: 'trigger_epoch', coldkey: name(s, 'coldkey', path), netuid: netuid(s, 'netuid', path) }),
  set_hyperparameter: (s, path) => {
    const key = required(s, 'name', path);
    const spec = typeof key === 'string' ? SUBNET_HYPERPARAMETERS[key] : undefined;
    if (spec === undefined) throw new TraceError(keyPath(path, 'name'), `unknown hyperparameter ${describe(key)}`);
    const signer = optional(s, 'coldkey') ?? null;
    return {
      op: 'set_hyperparameter', coldkey: signer === null ? null : readName(signer, keyPath(path, 'coldkey')),
      netuid: netuid(s, 'netuid', path), name: key as string, value: readValue(spec.kind, ...field(s, 'value', path)),
    };
  },
  sudo_set: (s, path) => {
    const key = required(s, 'name', path);
    const net = optional(s, 'netuid') ?? null;
    const spec = typeof key !== 'string' ? undefined : net === null ? ROOT_PARAMETERS[key] : SUBNET_HYPERPARAMETERS[key];
    if (spec === undefined) throw new TraceError(keyPath(path, 'name'), `unknown ${net === null ? 'chain parameter' : 'hyperparameter'} ${describe(key)}`);
    return {
      op: 'sudo_set', name: key as string, netuid: net === null ? null : netuid(s, 'netuid', path),
      value: readValue(spec.kind, ...field(s, 'value', path)),
    };
  },
  decrease_take: take('decrease_take'),
  increase_take: take('increase_take'),
  set_root_claim_type: (s, path) => {
    const claim = required(s, 'claim_type', path);
    if (claim !== 'swap' && claim !== 'keep') throw new TraceError(keyPath(path, 'claim_type'), `expected "swap" or "keep", got ${describe(claim)}`);
    return { op: 'set_root_claim_type', coldkey: name(s, 'coldkey', path), claimType: claim };
  },
};

/**
 * `actions`: each at `startBlock` or later (one at `startBlock` acts on the starting state, before the first block);
 * returned in block order (stable for equal blocks).
 */
export function readActions(v: JsonValue | undefined, path: string, startBlock: bigint): ScheduledAction[] {
  if (v === undefined) return [];
  const list = readArray(v, path).map((item, i): ScheduledAction => {
    const p = indexPath(path, i);
    const s = readObject(item, p);
    const block = readU64(...field(s, 'block', p));
    if (block < startBlock) throw new TraceError(keyPath(p, 'block'), `block ${block} is before start_block ${startBlock}`);
    const op = required(s, 'op', p);
    const reader = typeof op === 'string' && Object.hasOwn(READERS, op) ? READERS[op as ChainAction['op']] : undefined;
    if (reader === undefined) throw new TraceError(keyPath(p, 'op'), `unknown op ${typeof op === 'string' ? quote(op) : describe(op)}`);
    return { block, action: reader(s, p) };
  });
  return list.map((a, i) => [a, i] as const).sort(([a, i], [b, j]) => (a.block < b.block ? -1 : a.block > b.block ? 1 : i - j)).map(([a]) => a);
}
