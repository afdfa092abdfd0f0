// The yuma-chain-result/1 document the headless runner prints (docs/chain-format.md "Result"):
// every epoch's outputs per subnet, every action's outcome, and the final state with its hash. Pure;
// u64 values are JSON integers up to 2^53−1 and decimal strings above, fractions exact decimal strings.
import { u64Json, type Json } from '../model/trace-result.ts';
import type { ActionReport, BlockReport } from './block.ts';
import { ONE_RAW32 } from './defaults.ts';
import type { EpochReport } from './epochs.ts';
import { stateHash } from './hash.ts';
import type { ChainMath } from './math.ts';
import { formatDecimal, formatSignedDecimal } from './scenario-write.ts';
import { stakesOf } from './stake.ts';
import type { ChainState, StakePool } from './state.ts';

export const CHAIN_RESULT_FORMAT = 'yuma-chain-result/1';

/** Collects what the result needs while blocks run; call `add` with every BlockReport. */
export class ResultCollector {
  readonly epochs: Json[] = [];
  readonly actions: Json[] = [];
  readonly reveals: Json[] = [];
  readonly dissolutions: Json[] = [];

  add(report: BlockReport): void {
    for (const d of report.dissolutions) {
      this.dissolutions.push({
        block: u64Json(report.block), netuid: d.netuid, pot: u64Json(d.pot), total_alpha: u64Json(d.totalAlpha),
        protocol_alpha: u64Json(d.protocolAlpha), paid: Object.fromEntries(Object.entries(d.paid).map(([ck, v]) => [ck, u64Json(v)])),
        to_sinks: u64Json(d.toSinks), recycled: u64Json(d.recycled),
      });
    }
    for (const e of report.epochs.ran) this.epochs.push(epochJson(e));
    this.addActions(report.block, report.actions);
    for (const r of report.reveals) {
      this.reveals.push({ block: u64Json(report.block), netuid: r.netuid, hotkey: r.hotkey, commit_epoch: u64Json(r.commitEpoch), error: r.error });
    }
  }

  /** The outcomes of actions applied at `block` (a block's own, or the start block's, which no step reports). */
  addActions(block: bigint, actions: readonly ActionReport[]): void {
    for (const a of actions) this.actions.push({ block: u64Json(block), index: a.index, op: a.op, ok: a.ok, error: a.error });
  }
}

/** A non-negative fixed-point raw value with `fracBits` fractional bits, truncated to `digits` decimals. */
export function fixedDecimal(raw: bigint, fracBits: bigint, digits: number): string {
  const scaled = (raw * 10n ** BigInt(digits)) >> fracBits;
  const s = scaled.toString().padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

function epochJson(e: EpochReport): Json {
  const o = e.output;
  const d = e.distribution;
  return {
    block: u64Json(e.block),
    netuid: e.netuid,
    epoch_index: u64Json(e.epochIndex),
    rao_emission: u64Json(e.raoEmission),
    hotkeys: [...e.hotkeys],
    emission: o.emission.map(u64Json),
    server_emission: o.serverEmission.map(u64Json),
    validator_emission: o.validatorEmission.map(u64Json),
    incentive_u16: [...o.incentive],
    dividends_u16: [...o.dividends],
    consensus_u16: [...o.consensus],
    validator_trust_u16: [...o.validatorTrust],
    stake_weight_u16: [...o.stakeWeight],
    active: [...o.active],
    new_validator_permit: [...o.newValidatorPermit],
    distribution: {
      drained_server: u64Json(d.drained.server), drained_validator: u64Json(d.drained.validator),
      drained_root: u64Json(d.drained.root), drained_owner: u64Json(d.drained.owner),
      incentive: u64Json(d.incentive), owner_hotkey_incentive: u64Json(d.ownerHotkeyIncentive),
      burned: u64Json(d.burned), recycled: u64Json(d.recycled), alpha_dividends: u64Json(d.alphaDividends),
      root_dividends: u64Json(d.rootDividends), takes: u64Json(d.takes), owner_cut: u64Json(d.ownerCut),
      uncredited: u64Json(d.uncredited),
    },
  };
}

function stakesJson(pools: Record<string, StakePool>): Json[] {
  const out: Json[] = [];
  for (const hk of Object.keys(pools).sort()) {
    for (const [ck, amount] of stakesOf(pools[hk])) out.push({ hotkey: hk, coldkey: ck, amount: u64Json(amount) });
  }
  return out;
}

/** The final-state part of the result. */
export function finalJson(state: ChainState, math: ChainMath): Json {
  return {
    block: u64Json(state.block),
    total_issuance: u64Json(state.totalIssuance),
    block_emission: u64Json(state.blockEmission),
    next_block_emission: u64Json(math.blockEmission(state.totalIssuance)),
    halvings: math.halvings(state.totalIssuance),
    unmodelled_tao: u64Json(state.sinks.unmodelledTao),
    author_tao: u64Json(state.sinks.authorTao),
    balances: Object.fromEntries(Object.keys(state.balances).sort().map((ck) => [ck, u64Json(state.balances[ck])])),
    root: { tao_reserve: u64Json(state.root.taoReserve), stakes: stakesJson(state.root.pools) },
    subnets: state.subnets.map((s) => ({
      netuid: s.netuid,
      tao_reserve: u64Json(s.taoReserve),
      alpha_in: u64Json(s.alphaIn),
      alpha_out: u64Json(s.alphaOut),
      price: s.alphaIn === 0n ? '0.000000000000000000' : fixedDecimal((s.taoReserve << 64n) / s.alphaIn, 64n, 18),
      ema_price: formatDecimal(s.emaPrice, ONE_RAW32),
      root_proportion: formatDecimal(s.rootProportion, ONE_RAW32),
      miner_burned: formatDecimal(s.minerBurned, ONE_RAW32),
      protocol_alpha: u64Json(s.protocolAlpha),
      alpha_burned: u64Json(s.alphaBurned),
      alpha_uncredited: u64Json(s.alphaUncredited),
      burn: u64Json(s.burn),
      pending: { server: u64Json(s.pending.server), validator: u64Json(s.pending.validator), root: u64Json(s.pending.root), owner: u64Json(s.pending.owner) },
      epoch_index: u64Json(s.sched.epochIndex),
      last_epoch_block: u64Json(s.sched.lastEpochBlock),
      n: s.neurons.length,
      stakes: stakesJson(s.pools),
      root_claimable: Object.fromEntries(Object.keys(s.rootClaimable).sort().map((hk) => [hk, u64Json(s.rootClaimable[hk])])),
      ...(s.flow === undefined ? {} : {
        flow: {
          user: s.flow.user.toString(), user_ema: formatSignedDecimal(s.flow.userEma),
          protocol: s.flow.protocol.toString(), protocol_ema: formatSignedDecimal(s.flow.protocolEma),
        },
      }),
    })),
    state_hash: stateHash(state),
  };
}
