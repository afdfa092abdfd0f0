// Reads a whole yuma-chain/1 document into a Scenario: top level, accounts, root, subnets and their
// neurons, with every cross-reference checked (hotkey owners, uids in weight rows, issuance covering
// the modelled TAO). Pure; throws TraceError(path, fault).
import type { JsonObject, JsonValue } from '../model/json-parse.ts';
import { TraceError, indexPath, keyPath, quote } from '../model/trace-error.ts';
import {
  UidSet, describe, optional, readArray, readBool, readEach, readInt, readObject, readSparseRow, readU64, required,
} from '../model/trace-fields.ts';
import { DEFAULT_BURN, DEFAULT_RULES, DEFAULT_SUBNET_HYPERPARAMETERS, DEFAULT_TAKE, ONE_RAW32, U64_MAX } from './defaults.ts';
import type { Scenario, ScenarioNeuron, ScenarioStake, ScenarioSubnet } from './scenario.ts';
import { CHAIN_FORMAT } from './scenario.ts';
import { readActions } from './scenario-actions.ts';
import { readDecimal, readHyperparameterObject, readName, readParams, readSignedDecimal, readText } from './scenario-values.ts';
import type { ChainRules } from './state.ts';

const u64Or = (obj: JsonObject, key: string, path: string, fallback: bigint) => {
  const v = optional(obj, key);
  return v === undefined ? fallback : readU64(v, keyPath(path, key));
};
const signedOr = (obj: JsonObject, key: string, path: string) => {
  const v = optional(obj, key);
  return v === undefined ? 0n : readSignedDecimal(v, keyPath(path, key));
};
const boolOr = (obj: JsonObject, key: string, path: string, fallback: boolean) => {
  const v = optional(obj, key);
  return v === undefined ? fallback : readBool(v, keyPath(path, key));
};

/** Tracks who owns each hotkey; a second, different owner is an error at `path`. */
class Owners {
  readonly map: Record<string, { owner: string; take: number }> = {};
  claim(hotkey: string, owner: string, path: string, take?: number): void {
    const prev = this.map[hotkey];
    if (prev !== undefined && prev.owner !== owner) throw new TraceError(path, `hotkey ${quote(hotkey)} is owned by ${quote(prev.owner)}, not ${quote(owner)}`);
    this.map[hotkey] = { owner, take: take ?? prev?.take ?? DEFAULT_TAKE };
  }
}

export function readScenario(doc: JsonValue): Scenario {
  const root = readObject(doc, '');
  const format = required(root, 'format', '');
  if (format !== CHAIN_FORMAT) throw new TraceError('format', `expected ${quote(CHAIN_FORMAT)}, got ${describe(format)}`);
  const startBlock = u64Or(root, 'start_block', '', 0n);
  const owners = new Owners();
  const hotkeysJson = optional(root, 'hotkeys');
  if (hotkeysJson !== undefined) {
    const obj = readObject(hotkeysJson, 'hotkeys');
    for (const hk of Object.keys(obj)) {
      const p = keyPath('hotkeys', hk);
      const h = readObject(obj[hk], p);
      readName(hk, p);
      const take = optional(h, 'take');
      owners.claim(hk, readName(required(h, 'owner', p), keyPath(p, 'owner')), p, take === undefined ? undefined : readInt(take, keyPath(p, 'take'), 0, 65535, 'u16'));
    }
  }
  const balances: Record<string, bigint> = {};
  const balancesJson = optional(root, 'balances');
  if (balancesJson !== undefined) {
    const obj = readObject(balancesJson, 'balances');
    for (const ck of Object.keys(obj)) balances[readName(ck, keyPath('balances', ck))] = readU64(obj[ck], keyPath('balances', ck));
  }
  const subnets = readEach(readArray(optional(root, 'subnets') ?? [], 'subnets'), 'subnets', (v, p) => readSubnet(v, p, startBlock, owners));
  const seen = new Set<number>();
  subnets.forEach((s, i) => {
    if (seen.has(s.netuid)) throw new TraceError(keyPath(indexPath('subnets', i), 'netuid'), `duplicate netuid ${s.netuid}`);
    seen.add(s.netuid);
    s.stakes.forEach((st, k) => checkKnown(owners, st.hotkey, keyPath(indexPath(keyPath(indexPath('subnets', i), 'stakes'), k), 'hotkey')));
  });
  subnets.sort((a, b) => a.netuid - b.netuid);
  const rootJson = optional(root, 'root');
  const rootObj = rootJson === undefined ? null : readObject(rootJson, 'root');
  const rootStakes = rootObj === null ? [] : readStakes(optional(rootObj, 'stakes'), 'root.stakes', owners);
  const unmodelledRoot = rootObj === null ? 0n : u64Or(rootObj, 'unmodelled_tao', 'root', 0n);
  const scenario: Scenario = {
    name: readText(root, 'name', '', ''),
    description: readText(root, 'description', '', ''),
    startBlock,
    totalIssuance: null,
    params: readParams(optional(root, 'params'), 'params'),
    rules: readRules(optional(root, 'rules')),
    balances,
    hotkeys: owners.map,
    root: { unmodelledTao: unmodelledRoot, stakes: rootStakes },
    subnets,
    actions: readActions(optional(root, 'actions'), 'actions', startBlock),
    blocks: readInt(optional(root, 'blocks') ?? 0, 'blocks', 0, 10_000_000, 'blocks'),
  };
  const issuance = optional(root, 'total_issuance') ?? null;
  if (issuance !== null) {
    scenario.totalIssuance = readU64(issuance, 'total_issuance');
    const modelled = modelledTao(scenario);
    if (scenario.totalIssuance < modelled) throw new TraceError('total_issuance', `${scenario.totalIssuance} rao is less than the ${modelled} rao the scenario's balances and reserves hold`);
  }
  return scenario;
}

/** TAO the scenario places in accounts: free balances, root stake and reserve, subnet pools. */
export function modelledTao(s: Scenario): bigint {
  let total = s.root.unmodelledTao;
  for (const v of Object.values(s.balances)) total += v;
  for (const st of s.root.stakes) total += st.amount;
  for (const sub of s.subnets) total += sub.taoReserve;
  return total;
}

function readRules(v: JsonValue | undefined): ChainRules {
  const rules = { ...DEFAULT_RULES };
  if (v === undefined) return rules;
  const obj = readObject(v, 'rules');
  const choices: Record<keyof ChainRules, readonly string[]> = {
    shareRule: ['price_ema_minerburn', 'price_ema', 'root_prop_minerburn', 'tao_flow', 'net_tao_flow'],
    injectionCap: ['root_proportion', 'min_alpha_tao_emission', 'alpha_emission'],
    scheduler: ['stateful', 'legacy'],
  };
  for (const key of Object.keys(obj)) {
    const field = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof ChainRules;
    if (!Object.hasOwn(choices, field)) throw new TraceError(keyPath('rules', key), `unknown rule ${quote(key)}`);
    const value = obj[key];
    if (typeof value !== 'string' || !choices[field].includes(value)) {
      throw new TraceError(keyPath('rules', key), `expected one of ${choices[field].map((c) => `"${c}"`).join(', ')}, got ${describe(value)}`);
    }
    (rules as Record<string, string>)[field] = value;
  }
  return rules;
}

function checkKnown(owners: Owners, hotkey: string, path: string): void {
  if (owners.map[hotkey] === undefined) throw new TraceError(path, `unknown hotkey ${quote(hotkey)} (declare it in "hotkeys" or as a neuron)`);
}

function readStakes(v: JsonValue | undefined, path: string, owners: Owners | null): ScenarioStake[] {
  if (v === undefined) return [];
  return readEach(readArray(v, path), path, (item, p) => {
    const s = readObject(item, p);
    const hotkey = readName(required(s, 'hotkey', p), keyPath(p, 'hotkey'));
    if (owners !== null) checkKnown(owners, hotkey, keyPath(p, 'hotkey'));
    return { hotkey, coldkey: readName(required(s, 'coldkey', p), keyPath(p, 'coldkey')), amount: readU64(required(s, 'amount', p), keyPath(p, 'amount')) };
  });
}

function readSubnet(v: JsonValue, path: string, startBlock: bigint, owners: Owners): ScenarioSubnet {
  const s = readObject(v, path);
  const netuid = readInt(required(s, 'netuid', path), keyPath(path, 'netuid'), 1, 65535, 'netuid');
  const ownerColdkey = readName(required(s, 'owner_coldkey', path), keyPath(path, 'owner_coldkey'));
  const ownerHotkey = readName(required(s, 'owner_hotkey', path), keyPath(path, 'owner_hotkey'));
  owners.claim(ownerHotkey, ownerColdkey, keyPath(path, 'owner_hotkey'));
  const hp = readHyperparameterObject(optional(s, 'hyperparameters'), keyPath(path, 'hyperparameters'), DEFAULT_SUBNET_HYPERPARAMETERS);
  const first = optional(s, 'first_emission_block');
  const neuronsJson = readArray(optional(s, 'neurons') ?? [], keyPath(path, 'neurons'));
  const n = neuronsJson.length;
  if (n > hp.maxAllowedUids) throw new TraceError(keyPath(path, 'neurons'), `${n} neurons exceed max_allowed_uids ${hp.maxAllowedUids}`);
  const rows = new UidSet(Math.max(n, 1));
  const seenHotkeys = new Set<string>();
  const neurons = readEach(neuronsJson, keyPath(path, 'neurons'), (item, p): ScenarioNeuron => {
    const o = readObject(item, p);
    const hotkey = readName(required(o, 'hotkey', p), keyPath(p, 'hotkey'));
    if (seenHotkeys.has(hotkey)) throw new TraceError(keyPath(p, 'hotkey'), `hotkey ${quote(hotkey)} is registered twice`);
    seenHotkeys.add(hotkey);
    const coldkeyJson = optional(o, 'coldkey');
    const coldkey = coldkeyJson === undefined ? owners.map[hotkey]?.owner : readName(coldkeyJson, keyPath(p, 'coldkey'));
    if (coldkey === undefined) throw new TraceError(p, `missing required field "coldkey" (the hotkey's owner)`);
    owners.claim(hotkey, coldkey, keyPath(p, 'coldkey'));
    const sparse = (key: string) => {
      const r = optional(o, key);
      return r === undefined ? [] : readSparseRow(r, keyPath(p, key), n, rows);
    };
    return {
      hotkey, coldkey, stake: u64Or(o, 'stake', p, 0n), weights: sparse('weights'), bonds: sparse('bonds'),
      blockAtRegistration: u64Or(o, 'block_at_registration', p, 0n), lastUpdate: u64Or(o, 'last_update', p, 0n),
      validatorPermit: boolOr(o, 'validator_permit', p, false),
    };
  });
  const decimal = (key: string, max: bigint) => {
    const d = optional(s, key);
    return d === undefined ? 0n : readDecimal(d, keyPath(path, key), ONE_RAW32, max);
  };
  const lastEpoch = optional(s, 'last_epoch_block') ?? null;
  return {
    netuid, ownerColdkey, ownerHotkey,
    registeredAt: u64Or(s, 'registered_at', path, 0n),
    firstEmissionBlock: first === undefined ? startBlock : first === null ? null : readU64(first, keyPath(path, 'first_emission_block')),
    emissionEnabled: boolOr(s, 'emission_enabled', path, true),
    taoReserve: readU64(required(s, 'tao_reserve', path), keyPath(path, 'tao_reserve')),
    alphaIn: readU64(required(s, 'alpha_in', path), keyPath(path, 'alpha_in')),
    unmodelledAlpha: u64Or(s, 'unmodelled_alpha', path, 0n),
    emaPrice: decimal('ema_price', U64_MAX),
    minerBurned: decimal('miner_burned', ONE_RAW32),
    burn: u64Or(s, 'burn', path, DEFAULT_BURN),
    taoFlowEma: signedOr(s, 'tao_flow_ema', path),
    protocolFlowEma: signedOr(s, 'protocol_flow_ema', path),
    hp,
    neurons,
    stakes: readStakes(optional(s, 'stakes'), keyPath(path, 'stakes'), null),
    lastEpochBlock: lastEpoch === null ? null : readU64(lastEpoch, keyPath(path, 'last_epoch_block')),
    epochIndex: u64Or(s, 'epoch_index', path, 0n),
  };
}
