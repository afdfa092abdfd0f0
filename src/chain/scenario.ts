// yuma-chain/1 (docs/chain-format.md): the Scenario type — a chain's starting state plus the actions
// at given blocks — and its readers for text and bytes. The one scenario schema for files, links and
// IndexedDB. Pure; the only error is TraceError (`PATH: fault`). Field readers: scenario-read.ts.
import type { SparseRowU16 } from '../model/epoch.ts';
import { decodeTraceBytes } from '../model/json-text.ts';
import { parseJson } from '../model/json-parse.ts';
import { TraceError } from '../model/trace-error.ts';
import type { ScheduledAction } from './actions.ts';
import { readScenario } from './scenario-read.ts';
import type { ChainParams, ChainRules, SubnetHyperparameters } from './state.ts';

export const CHAIN_FORMAT = 'yuma-chain/1';

/** A neuron registered at the start; its stake is owned by `coldkey`, the hotkey's owner. */
export interface ScenarioNeuron {
  hotkey: string;
  coldkey: string;
  stake: bigint;
  weights: SparseRowU16;
  bonds: SparseRowU16;
  blockAtRegistration: bigint;
  lastUpdate: bigint;
  validatorPermit: boolean;
}

/** Stake of `coldkey` on `hotkey` (a nomination, or extra own stake). */
export interface ScenarioStake {
  hotkey: string;
  coldkey: string;
  amount: bigint;
}

export interface ScenarioSubnet {
  netuid: number;
  ownerColdkey: string;
  ownerHotkey: string;
  registeredAt: bigint;
  /** FirstEmissionBlockNumber; null = start_call not yet called. */
  firstEmissionBlock: bigint | null;
  emissionEnabled: boolean;
  taoReserve: bigint;
  alphaIn: bigint;
  /** α held by stakers the scenario does not list (counts in alpha issuance). */
  unmodelledAlpha: bigint;
  /** SubnetMovingPrice, raw / 2^32. */
  emaPrice: bigint;
  /** MinerBurned, raw / 2^32. */
  minerBurned: bigint;
  burn: bigint;
  /** SubnetEmaTaoFlow and SubnetEmaProtocolFlow at the start, I64F64 raw (rao per block); used by the flow rules only. */
  taoFlowEma: bigint;
  protocolFlowEma: bigint;
  hp: SubnetHyperparameters;
  neurons: ScenarioNeuron[];
  stakes: ScenarioStake[];
  /** null = the stagger rule at start_block. */
  lastEpochBlock: bigint | null;
  epochIndex: bigint;
}

/** A validated scenario with every default filled in. */
export interface Scenario {
  name: string;
  description: string;
  startBlock: bigint;
  /** null = exactly the modelled TAO (balances + reserves). */
  totalIssuance: bigint | null;
  params: ChainParams;
  rules: ChainRules;
  balances: Record<string, bigint>;
  /** Hotkeys declared explicitly (root-only or nominated hotkeys, or a non-default take). */
  hotkeys: Record<string, { owner: string; take: number }>;
  root: { unmodelledTao: bigint; stakes: ScenarioStake[] };
  subnets: ScenarioSubnet[];
  actions: ScheduledAction[];
  /** How many blocks the headless runner steps when `--blocks` is not given. */
  blocks: number;
}

/** Parses and validates a yuma-chain/1 document; throws TraceError `PATH: fault` (prefixed by the file label when given). */
export function parseScenario(text: string, fileLabel?: string): Scenario {
  return labelled(fileLabel, () => readScenario(parseJson(text)));
}

/** parseScenario for file bytes (16 MiB cap, strict UTF-8). */
export function parseScenarioBytes(bytes: Uint8Array, fileLabel?: string): Scenario {
  return labelled(fileLabel, () => readScenario(parseJson(decodeTraceBytes(bytes))));
}

function labelled(fileLabel: string | undefined, read: () => Scenario): Scenario {
  try {
    return read();
  } catch (e) {
    if (e instanceof TraceError) throw fileLabel === undefined ? e : e.inFile(fileLabel);
    throw new TraceError('$', `cannot read scenario (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, fileLabel);
  }
}
