// What a saved chain holds in the ChainStore (src/persist): the starting scenario as yuma-chain/1 JSON, the user's
// actions as ChainAction values, packed snapshots, and one small record per epoch for the charts. Plain data only
// (bigint, numbers, strings, arrays, typed arrays). Also the payload checks the store runs on every record it reads.
import type { ChainAction } from '../chain/actions.ts';
import type { BlockReport } from '../chain/block.ts';
import type { EpochReport } from '../chain/epochs.ts';
import type { ChainState } from '../chain/state.ts';
import type { ChainStore, PayloadChecks } from '../persist/index.ts';
import { isPackedState, type PackedChainState } from './chain-pack.ts';

/** A yuma-chain/1 document as writeScenario makes it (defaults omitted). */
export type ScenarioDoc = { format: 'yuma-chain/1' } & Record<string, unknown>;

/** Where one epoch's drained α went (α units), for the charts. */
export interface EpochFlows {
  incentive: bigint;
  alphaDividends: bigint;
  rootDividends: bigint;
  takes: bigint;
  ownerCut: bigint;
  burned: bigint;
  recycled: bigint;
}

/** One subnet's epoch at a block, as the charts read it. Per-uid arrays are indexed by uid at that epoch. */
export interface EpochRecord {
  epochIndex: bigint;
  /** S + V + Rt handed to the epoch. */
  raoEmission: bigint;
  /** T_i of this block (rao) and T_i / E: the subnet's share of the block's TAO emission. */
  taoEmission: bigint;
  share: number;
  /** Spot price (TAO per α) and EMA price at the end of the block. */
  price: number;
  emaPrice: number;
  flows: EpochFlows;
  incentive: number[];
  dividends: number[];
  emission: bigint[];
}

export type SessionStore = ChainStore<ScenarioDoc, ChainAction, PackedChainState, EpochRecord>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The schema checks for the store: a failing record is reported as 'corrupt' and skipped. */
export const PAYLOAD_CHECKS: PayloadChecks = {
  scenario: (v) => isObject(v) && v.format === 'yuma-chain/1',
  action: (v) => isObject(v) && typeof v.op === 'string',
  snapshot: isPackedState,
  epoch: (v) => isObject(v) && typeof v.epochIndex === 'bigint' && Array.isArray(v.incentive) && isObject(v.flows),
};

const RAW32 = 2 ** 32;

/** The chart record of one epoch that ran in `report`'s block. */
export function epochRecord(report: BlockReport, e: EpochReport, state: ChainState): EpochRecord {
  const subnet = state.subnets.find((s) => s.netuid === e.netuid)!;
  const split = report.coinbase.subnets.find((s) => s.netuid === e.netuid);
  const taoEmission = split?.taoEmission ?? 0n;
  const d = e.distribution;
  return {
    epochIndex: e.epochIndex,
    raoEmission: e.raoEmission,
    taoEmission,
    share: report.emission === 0n ? 0 : Number(taoEmission) / Number(report.emission),
    price: subnet.alphaIn === 0n ? 0 : Number(subnet.taoReserve) / Number(subnet.alphaIn),
    emaPrice: Number(subnet.emaPrice) / RAW32,
    flows: {
      incentive: d.incentive, alphaDividends: d.alphaDividends, rootDividends: d.rootDividends, takes: d.takes,
      ownerCut: d.ownerCut, burned: d.burned, recycled: d.recycled,
    },
    incentive: [...e.output.incentive],
    dividends: [...e.output.dividends],
    emission: [...e.output.emission],
  };
}
