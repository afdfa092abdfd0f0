// The action forms of chain.md §5.5 as data: which fields each extrinsic asks for, and how the typed-in text becomes a
// yuma-chain/1 action (docs/chain-format.md "Actions"). Pure; the worker validates the result with the chain's errors.
import { parseAlpha } from '../format.ts';
import type { ActionJson, HyperparameterView } from '../../state/chain.svelte.ts';

export type FieldKind = 'coldkey' | 'hotkey' | 'netuid' | 'amount' | 'list' | 'hyperparameter' | 'value' | 'root';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  help?: string;
}

export type FormOp = 'set_weights' | 'add_stake' | 'remove_stake' | 'move_stake' | 'burned_register' | 'register_network' | 'start_call' | 'dissolve_network' | 'set_hyperparameter';

export const ACTION_FORMS: Record<FormOp, { label: string; teaches: string; fields: FieldSpec[] }> = {
  set_weights: {
    label: 'Set weights', teaches: 'A validator’s weights are the Yuma input; they count from the next epoch.',
    fields: [
      { key: 'hotkey', label: 'Validator hotkey', kind: 'hotkey' }, { key: 'netuid', label: 'Subnet', kind: 'netuid' },
      { key: 'uids', label: 'Uids', kind: 'list', help: 'Comma-separated, e.g. 3, 4' },
      { key: 'values', label: 'Weights (u16)', kind: 'list', help: 'One per uid, 0–65535' },
    ],
  },
  add_stake: {
    label: 'Add stake', teaches: 'TAO goes into the pool and buys α: the price moves, and so does the subnet’s emission share.',
    fields: [
      { key: 'coldkey', label: 'Coldkey', kind: 'coldkey' }, { key: 'hotkey', label: 'Hotkey', kind: 'hotkey' },
      { key: 'netuid', label: 'Subnet', kind: 'netuid' }, { key: 'amount', label: 'Amount (TAO)', kind: 'amount' },
    ],
  },
  remove_stake: {
    label: 'Remove stake', teaches: 'α is sold back to the pool for TAO.',
    fields: [
      { key: 'coldkey', label: 'Coldkey', kind: 'coldkey' }, { key: 'hotkey', label: 'Hotkey', kind: 'hotkey' },
      { key: 'netuid', label: 'Subnet', kind: 'netuid' }, { key: 'amount', label: 'Amount (α)', kind: 'amount' },
    ],
  },
  move_stake: {
    label: 'Move stake', teaches: 'Sells α on one subnet and buys on another: a cross-subnet flow.',
    fields: [
      { key: 'coldkey', label: 'Coldkey', kind: 'coldkey' }, { key: 'origin_hotkey', label: 'From hotkey', kind: 'hotkey' },
      { key: 'origin_netuid', label: 'From subnet', kind: 'netuid' }, { key: 'destination_hotkey', label: 'To hotkey', kind: 'hotkey' },
      { key: 'destination_netuid', label: 'To subnet', kind: 'netuid' }, { key: 'amount', label: 'Amount (α)', kind: 'amount' },
    ],
  },
  burned_register: {
    label: 'Register neuron', teaches: 'Pays the current burn; a full subnet prunes its lowest-emission uid.',
    fields: [{ key: 'coldkey', label: 'Coldkey', kind: 'coldkey' }, { key: 'hotkey', label: 'New hotkey', kind: 'hotkey' }, { key: 'netuid', label: 'Subnet', kind: 'netuid' }],
  },
  register_network: {
    label: 'Register subnet', teaches: 'Locks TAO to seed a new pool; the owner must then start it (start call). At the subnet limit the lowest-EMA subnet out of immunity is dissolved first.',
    fields: [{ key: 'coldkey', label: 'Coldkey', kind: 'coldkey' }, { key: 'hotkey', label: 'Owner hotkey', kind: 'hotkey' }],
  },
  start_call: {
    label: 'Start subnet (start call)', teaches: 'Sets FirstEmissionBlockNumber: the subnet starts receiving emission.',
    fields: [{ key: 'coldkey', label: 'Owner coldkey', kind: 'coldkey' }, { key: 'netuid', label: 'Subnet', kind: 'netuid' }],
  },
  dissolve_network: {
    label: 'Dissolve subnet (root)', teaches: 'Stakers are paid their share of the pool in TAO; the protocol’s share is recycled.',
    fields: [{ key: 'netuid', label: 'Subnet', kind: 'netuid' }],
  },
  set_hyperparameter: {
    label: 'Set hyperparameter', teaches: 'Owner knobs have ranges, a freeze window before each epoch and a rate limit; root may set anything.',
    fields: [
      { key: 'root', label: 'As root (sudo)', kind: 'root' }, { key: 'coldkey', label: 'Owner coldkey', kind: 'coldkey' },
      { key: 'netuid', label: 'Subnet', kind: 'netuid' }, { key: 'name', label: 'Hyperparameter', kind: 'hyperparameter' },
      { key: 'value', label: 'Value', kind: 'value', help: 'As a scenario writes it: 400, true, 0.9, or low,high for alpha_values' },
    ],
  },
};

const INT = /^-?[0-9]+$/;

function listOf(text: string, label: string): number[] {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.some((p) => !INT.test(p))) throw new Error(`${label}: whole numbers separated by commas.`);
  return parts.map(Number);
}

/** The value of a hyperparameter of `kind`, as yuma-chain/1 writes it. */
export function hyperparameterJson(kind: HyperparameterView['kind'], text: string): unknown {
  const t = text.trim();
  if (kind === 'bool') {
    if (t !== 'true' && t !== 'false') throw new Error('Value: true or false.');
    return t === 'true';
  }
  if (kind === 'alpha_values') return listOf(t, 'Value');
  if (kind === 'u16' || kind === 'u32' || kind === 'i16') {
    if (!INT.test(t)) throw new Error('Value: a whole number.');
    return Number(t);
  }
  return t; // u64 as a decimal string; decimals and enums as text: the worker reads them exactly
}

/** The action the form describes; throws an Error naming the field when the text cannot be read. */
export function actionJson(op: FormOp, values: Record<string, string>, hyperparameters: HyperparameterView[]): ActionJson {
  const out: Record<string, unknown> = { op };
  for (const f of ACTION_FORMS[op].fields) {
    const v = (values[f.key] ?? '').trim();
    if (f.kind === 'root') continue;
    if (f.kind === 'coldkey' && op === 'set_hyperparameter' && values.root === 'true') { out.coldkey = null; continue; }
    if (v === '') throw new Error(`${f.label}: required.`);
    if (f.kind === 'netuid') out[f.key] = Number(v);
    else if (f.kind === 'amount') {
      const rao = parseAlpha(v);
      if (rao === null) throw new Error(`${f.label}: a decimal number such as 1.5.`);
      out[f.key] = rao.toString();
    } else if (f.kind === 'list') out[f.key] = listOf(v, f.label);
    else if (f.kind === 'value') {
      const kind = hyperparameters.find((h) => h.name === values.name)?.kind;
      if (!kind) throw new Error('Hyperparameter: choose one.');
      out.value = hyperparameterJson(kind, v);
    } else out[f.key] = v;
  }
  return out as ActionJson;
}
