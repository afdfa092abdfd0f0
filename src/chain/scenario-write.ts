// writeScenario: a Scenario as yuma-chain/1 JSON with every default omitted (what links and IndexedDB
// store). parseScenario(JSON.stringify(writeScenario(s))) gives s back exactly. Pure.
import { u64Json } from '../model/trace-result.ts';
import type { ChainAction } from './actions.ts';
import { DEFAULT_BURN, DEFAULT_CHAIN_PARAMS, DEFAULT_RULES, DEFAULT_SUBNET_HYPERPARAMETERS, DEFAULT_TAKE, ONE_RAW32, U64_MAX } from './defaults.ts';
import { ROOT_PARAMETERS, SUBNET_HYPERPARAMETERS, type HyperparameterValue, type ValueKind } from './hyperparams.ts';
import { CHAIN_FORMAT, type Scenario, type ScenarioSubnet } from './scenario.ts';
import { HYPERPARAMETER_KEYS, PARAM_KEYS } from './scenario-values.ts';
import type { SubnetHyperparameters } from './state.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The shortest decimal string d with round(d · scale) = raw (round half up, as the reader does). */
export function formatDecimal(raw: bigint, scale: bigint): string {
  for (let digits = 0; ; digits++) {
    const p = 10n ** BigInt(digits);
    const candidate = (raw * p * 2n + scale) / (2n * scale);
    if ((candidate * scale * 2n + p) / (2n * p) === raw) {
      const s = candidate.toString().padStart(digits + 1, '0');
      return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
    }
  }
}

const SCALES: Partial<Record<ValueKind, bigint>> = { u64_fraction: U64_MAX, raw32: ONE_RAW32, u64f64: 1n << 64n, i64f64: 1n << 64n };

/** A signed I64F64 raw value as the shortest decimal that reads back to it ("-2.5"). */
export const formatSignedDecimal = (raw: bigint) => (raw < 0n ? `-${formatDecimal(-raw, 1n << 64n)}` : formatDecimal(raw, 1n << 64n));

function valueJson(kind: ValueKind, v: HyperparameterValue): Json {
  if (kind === 'i64f64') return formatSignedDecimal(v as bigint);
  const scale = SCALES[kind];
  if (scale !== undefined) return formatDecimal(v as bigint, scale);
  if (typeof v === 'bigint') return u64Json(v);
  if (Array.isArray(v)) return [...v];
  return v;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function hyperparameterOf(hp: SubnetHyperparameters, key: string): HyperparameterValue {
  if (key === 'alpha_values') return [hp.alphaLow, hp.alphaHigh];
  if (key === 'commit_reveal_weights_enabled') return hp.commitRevealEnabled;
  return (hp as unknown as Record<string, HyperparameterValue>)[camel(key)];
}

const same = (a: HyperparameterValue, b: HyperparameterValue) => (Array.isArray(a) && Array.isArray(b) ? a[0] === b[0] && a[1] === b[1] : a === b);

/** yuma-chain/1 JSON of `s`, defaults omitted. */
export function writeScenario(s: Scenario): { [key: string]: Json } {
  const out: { [key: string]: Json } = { format: CHAIN_FORMAT };
  if (s.name !== '') out.name = s.name;
  if (s.description !== '') out.description = s.description;
  if (s.startBlock !== 0n) out.start_block = u64Json(s.startBlock);
  if (s.totalIssuance !== null) out.total_issuance = u64Json(s.totalIssuance);
  if (s.blocks !== 0) out.blocks = s.blocks;
  const params: { [key: string]: Json } = {};
  for (const [key, spec] of Object.entries(PARAM_KEYS)) {
    const v = s.params[spec.field] as HyperparameterValue;
    if (v !== DEFAULT_CHAIN_PARAMS[spec.field]) params[key] = valueJson(spec.kind, v);
  }
  if (Object.keys(params).length > 0) out.params = params;
  const rules: { [key: string]: Json } = {};
  for (const key of Object.keys(DEFAULT_RULES) as (keyof typeof DEFAULT_RULES)[]) if (s.rules[key] !== DEFAULT_RULES[key]) rules[snake(key)] = s.rules[key];
  if (Object.keys(rules).length > 0) out.rules = rules;
  if (Object.keys(s.balances).length > 0) out.balances = Object.fromEntries(Object.entries(s.balances).map(([k, v]) => [k, u64Json(v)]));
  const implied = new Set<string>();
  for (const sub of s.subnets) {
    implied.add(sub.ownerHotkey);
    for (const n of sub.neurons) implied.add(n.hotkey);
  }
  const hotkeys: { [key: string]: Json } = {};
  for (const [hk, h] of Object.entries(s.hotkeys)) {
    if (implied.has(hk) && h.take === DEFAULT_TAKE) continue;
    hotkeys[hk] = h.take === DEFAULT_TAKE ? { owner: h.owner } : { owner: h.owner, take: h.take };
  }
  if (Object.keys(hotkeys).length > 0) out.hotkeys = hotkeys;
  if (s.root.unmodelledTao !== 0n || s.root.stakes.length > 0) {
    const root: { [key: string]: Json } = {};
    if (s.root.unmodelledTao !== 0n) root.unmodelled_tao = u64Json(s.root.unmodelledTao);
    if (s.root.stakes.length > 0) root.stakes = s.root.stakes.map((st) => ({ hotkey: st.hotkey, coldkey: st.coldkey, amount: u64Json(st.amount) }));
    out.root = root;
  }
  if (s.subnets.length > 0) out.subnets = s.subnets.map((sub) => subnetJson(sub, s.startBlock));
  if (s.actions.length > 0) out.actions = s.actions.map(({ block, action }) => ({ block: u64Json(block), ...actionJson(action) }));
  return out;
}

function subnetJson(sub: ScenarioSubnet, startBlock: bigint): Json {
  const o: { [key: string]: Json } = { netuid: sub.netuid, owner_coldkey: sub.ownerColdkey, owner_hotkey: sub.ownerHotkey };
  if (sub.registeredAt !== 0n) o.registered_at = u64Json(sub.registeredAt);
  if (sub.firstEmissionBlock !== startBlock) o.first_emission_block = sub.firstEmissionBlock === null ? null : u64Json(sub.firstEmissionBlock);
  if (!sub.emissionEnabled) o.emission_enabled = false;
  o.tao_reserve = u64Json(sub.taoReserve);
  o.alpha_in = u64Json(sub.alphaIn);
  if (sub.unmodelledAlpha !== 0n) o.unmodelled_alpha = u64Json(sub.unmodelledAlpha);
  if (sub.emaPrice !== 0n) o.ema_price = formatDecimal(sub.emaPrice, ONE_RAW32);
  if (sub.minerBurned !== 0n) o.miner_burned = formatDecimal(sub.minerBurned, ONE_RAW32);
  if (sub.burn !== DEFAULT_BURN) o.burn = u64Json(sub.burn);
  if (sub.taoFlowEma !== 0n) o.tao_flow_ema = formatSignedDecimal(sub.taoFlowEma);
  if (sub.protocolFlowEma !== 0n) o.protocol_flow_ema = formatSignedDecimal(sub.protocolFlowEma);
  const hp: { [key: string]: Json } = {};
  for (const key of HYPERPARAMETER_KEYS) {
    const v = hyperparameterOf(sub.hp, key);
    if (!same(v, hyperparameterOf(DEFAULT_SUBNET_HYPERPARAMETERS, key))) hp[key] = valueJson(SUBNET_HYPERPARAMETERS[key].kind, v);
  }
  if (Object.keys(hp).length > 0) o.hyperparameters = hp;
  if (sub.neurons.length > 0) {
    o.neurons = sub.neurons.map((n) => {
      const j: { [key: string]: Json } = { hotkey: n.hotkey, coldkey: n.coldkey };
      if (n.stake !== 0n) j.stake = u64Json(n.stake);
      if (n.weights.length > 0) j.weights = n.weights.map(([a, b]) => [a, b]);
      if (n.bonds.length > 0) j.bonds = n.bonds.map(([a, b]) => [a, b]);
      if (n.blockAtRegistration !== 0n) j.block_at_registration = u64Json(n.blockAtRegistration);
      if (n.lastUpdate !== 0n) j.last_update = u64Json(n.lastUpdate);
      if (n.validatorPermit) j.validator_permit = true;
      return j;
    });
  }
  if (sub.stakes.length > 0) o.stakes = sub.stakes.map((st) => ({ hotkey: st.hotkey, coldkey: st.coldkey, amount: u64Json(st.amount) }));
  if (sub.lastEpochBlock !== null) o.last_epoch_block = u64Json(sub.lastEpochBlock);
  if (sub.epochIndex !== 0n) o.epoch_index = u64Json(sub.epochIndex);
  return o;
}

function actionJson(a: ChainAction): { [key: string]: Json } {
  const o: { [key: string]: Json } = { op: a.op };
  for (const [key, v] of Object.entries(a)) {
    if (key === 'op') continue;
    if (key === 'versionKey' && v === 0n) continue;
    if (key === 'limitPrice' && v === null) continue;
    if (key === 'value') {
      const spec = a.op === 'sudo_set' && a.netuid === null ? ROOT_PARAMETERS[a.name] : SUBNET_HYPERPARAMETERS[(a as { name: string }).name];
      o.value = valueJson(spec.kind, v as HyperparameterValue);
      continue;
    }
    if (key === 'netuid' && a.op === 'sudo_set' && v === null) continue;
    o[snake(key)] = typeof v === 'bigint' ? u64Json(v) : Array.isArray(v) ? [...v] : (v as Json);
  }
  return o;
}
