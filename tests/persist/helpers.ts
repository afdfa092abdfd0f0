// Test payloads shaped like src/chain's (bigint balances, typed-array weights) and small helpers for the persist tests.
import { openChainStore, type OpenChainStoreOptions } from '../../src/persist/open.ts';
import type { PersistFault } from '../../src/persist/fault.ts';
import type { ChainStore } from '../../src/persist/types.ts';

export interface Scenario {
  format: 'yuma-chain/1';
  subnets: number;
  issuanceRao: bigint;
}
export interface Action {
  kind: 'stake' | 'set-weights';
  hotkey: string;
  amountRao: bigint;
}
export interface Snapshot {
  block: bigint;
  balancesRao: bigint[];
  weights: Uint16Array[];
}
export interface EpochRecord {
  emissionRao: bigint[];
  incentive: Float64Array;
}
export type Store = ChainStore<Scenario, Action, Snapshot, EpochRecord>;

/** A unique database name, so tests never share state. */
export const uniqueName = (): string => `persist-test-${crypto.randomUUID()}`;

export const scenario = (subnets = 2): Scenario => ({ format: 'yuma-chain/1', subnets, issuanceRao: 21_000_000n * 10n ** 9n });

/** An action whose amount exceeds 2^64, so a lossy number conversion would show. */
export const action = (block: number, seq = 0): { block: bigint; seq: number; action: Action } => ({
  block: BigInt(block),
  seq,
  action: { kind: 'stake', hotkey: `hk${block}.${seq}`, amountRao: 2n ** 70n + BigInt(block) },
});

/** A snapshot with `subnets` dense n×n weight matrices, filled from the block so contents are checkable. */
export function snapshot(block: number, subnets = 1, n = 4): { block: bigint; state: Snapshot } {
  const weights = Array.from({ length: subnets }, (_, s) => {
    const w = new Uint16Array(n * n);
    for (let i = 0; i < w.length; i++) w[i] = (i * 7 + block + s) & 0xffff;
    return w;
  });
  return { block: BigInt(block), state: { block: BigInt(block), balancesRao: [10n ** 30n + BigInt(block), -5n], weights } };
}

export const epoch = (block: number, netuid: number): { block: bigint; netuid: number; result: EpochRecord } => ({
  block: BigInt(block),
  netuid,
  result: { emissionRao: [BigInt(block) * 1_000_000_007n, 0n], incentive: Float64Array.of(0.25, 0.75) },
});

/** Opens an IndexedDB-backed store on a fresh database and collects its faults. */
export async function openCollecting(options: OpenChainStoreOptions = {}): Promise<{ store: Store; faults: PersistFault[] }> {
  const faults: PersistFault[] = [];
  const store = await openChainStore<Scenario, Action, Snapshot, EpochRecord>({ name: uniqueName(), ...options, onFault: (f) => faults.push(f) });
  return { store, faults };
}

/** The blocks of a list of entries, as plain numbers, for compact assertions. */
export const blocks = (entries: readonly { block: bigint }[]): number[] => entries.map((e) => Number(e.block));
