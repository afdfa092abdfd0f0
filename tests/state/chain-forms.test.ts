// The chain view's action forms (src/ui/chain/actions.ts): typed-in text becomes a yuma-chain/1 action the worker
// reads exactly (amounts in rao as strings, u16 lists, hyperparameter values by kind), or an error naming the field.
import { describe, expect, it } from 'vitest';
import { ACTION_FORMS, actionJson } from '../../src/ui/chain/actions.ts';
import { parseAction } from '../../src/engine/chain-session.ts';
import type { HyperparameterView } from '../../src/state/chain.svelte.ts';

const hyper: HyperparameterView[] = [
  { name: 'tempo', kind: 'u16', owner: true, value: '360' },
  { name: 'bonds_moving_average', kind: 'u64', owner: true, value: '900000' },
  { name: 'burn_increase_mult', kind: 'u64f64', owner: true, value: '1.26' },
  { name: 'liquid_alpha_enabled', kind: 'bool', owner: true, value: 'false' },
  { name: 'alpha_values', kind: 'alpha_values', owner: true, value: '45875,58982' },
];

describe(actionJson, () => {
  it('builds every form’s action in the scenario format the worker reads', () => {
    const values = {
      coldkey: 'alice', hotkey: 'hk', netuid: '1', amount: '1.5', uids: '3, 4', values: '65535,32768', origin_hotkey: 'a', destination_hotkey: 'b',
      origin_netuid: '1', destination_netuid: '2', name: 'tempo', value: '400',
    };
    for (const op of Object.keys(ACTION_FORMS) as (keyof typeof ACTION_FORMS)[]) {
      const json = actionJson(op, values, hyper);
      expect(parseAction(json).op).toBe(op);
    }
    expect(actionJson('add_stake', values, hyper)).toEqual({ op: 'add_stake', coldkey: 'alice', hotkey: 'hk', netuid: 1, amount: '1500000000' });
    expect(actionJson('set_weights', values, hyper)).toMatchObject({ uids: [3, 4], values: [65535, 32768] });
    expect(actionJson('set_hyperparameter', { ...values, root: 'true' }, hyper)).toEqual({ op: 'set_hyperparameter', coldkey: null, netuid: 1, name: 'tempo', value: 400 });
  });

  it('reads hyperparameter values by kind', () => {
    const value = (name: string, text: string) => (actionJson('set_hyperparameter', { coldkey: 'alice', netuid: '1', name, value: text }, hyper) as Record<string, unknown>).value;
    expect(value('bonds_moving_average', '975000')).toBe('975000');
    expect(value('burn_increase_mult', '1.5')).toBe('1.5');
    expect(value('liquid_alpha_enabled', 'true')).toBe(true);
    expect(value('alpha_values', '40000, 60000')).toEqual([40000, 60000]);
    expect(parseAction(actionJson('set_hyperparameter', { coldkey: 'alice', netuid: '1', name: 'burn_increase_mult', value: '1.5' }, hyper))).toMatchObject({ value: 3n << 63n });
  });

  it('names the field it cannot read', () => {
    expect(() => actionJson('add_stake', { coldkey: 'alice', hotkey: 'hk', netuid: '1', amount: 'lots' }, hyper)).toThrow(/Amount \(TAO\)/);
    expect(() => actionJson('add_stake', { coldkey: 'alice', netuid: '1', amount: '1' }, hyper)).toThrow(/Hotkey: required/);
    expect(() => actionJson('set_weights', { hotkey: 'v', netuid: '1', uids: '1;2', values: '1' }, hyper)).toThrow(/Uids/);
    expect(() => actionJson('set_hyperparameter', { coldkey: 'a', netuid: '1', name: 'tempo', value: '1.5' }, hyper)).toThrow(/whole number/);
  });
});
