// The conservation checks of chain.md §2.10, as functions tests (and a debug UI) run after every block:
// who holds every rao of TotalIssuance and every α of a subnet's alpha out, and how this block's flows
// changed the totals. Pure; returns human-readable violations (empty = all hold).
import type { BlockReport } from './block.ts';
import { stakeOf } from './stake.ts';
import type { ChainState, StakePool } from './state.ts';

/** Totals to compare the next block against. */
export interface Totals {
  totalIssuance: bigint;
  /** netuid → (alpha issuance A, cumulative α recycled). */
  subnets: Record<number, { alphaIssuance: bigint; alphaRecycled: bigint }>;
}

export function totals(state: ChainState): Totals {
  const subnets: Totals['subnets'] = {};
  for (const s of state.subnets) subnets[s.netuid] = { alphaIssuance: s.alphaIn + s.alphaOut, alphaRecycled: s.alphaRecycled };
  return { totalIssuance: state.totalIssuance, subnets };
}

const sumPools = (pools: Record<string, StakePool>) => Object.values(pools).reduce((a, p) => a + p.total, 0n);

/** Holdings identities that must hold in every state. */
export function holdingErrors(state: ChainState): string[] {
  const errors: string[] = [];
  let held = state.sinks.unmodelledTao + state.sinks.authorTao + state.root.taoReserve;
  for (const b of Object.values(state.balances)) held += b;
  for (const s of state.subnets) held += s.taoReserve;
  if (held !== state.totalIssuance) errors.push(`TotalIssuance ${state.totalIssuance} ≠ TAO held ${held}`);
  const rootHeld = sumPools(state.root.pools) + state.root.unmodelledTao;
  if (rootHeld !== state.root.taoReserve) errors.push(`SubnetTAO[0] ${state.root.taoReserve} ≠ root stake ${rootHeld}`);
  for (const s of state.subnets) {
    const p = s.pending;
    let claimable = 0n;
    for (const v of Object.values(s.rootClaimable)) claimable += v;
    const alphaHeld = sumPools(s.pools) + p.server + p.validator + p.root + p.owner + s.protocolAlpha + s.unmodelledAlpha
      + s.alphaBurned + s.alphaUncredited + s.authorAlpha + claimable;
    if (alphaHeld !== s.alphaOut) errors.push(`netuid ${s.netuid}: SubnetAlphaOut ${s.alphaOut} ≠ α held ${alphaHeld}`);
    for (const [hk, pool] of Object.entries(s.pools)) {
      let owned = 0n;
      for (const ck of Object.keys(pool.shares)) owned += stakeOf(pool, ck);
      if (owned > pool.total) errors.push(`netuid ${s.netuid}: pool ${hk} pays out ${owned} > ${pool.total}`);
    }
  }
  return errors;
}

/** Per-block flow identities between `before` and the state after the block `report` describes. */
export function flowErrors(before: Totals, state: ChainState, report: BlockReport): string[] {
  const errors: string[] = [];
  const delta = state.totalIssuance - before.totalIssuance;
  // Dissolutions recycle the protocol's share of a pool: ΔTotalIssuance = E − recycled credit − dissolved.
  const dissolved = report.dissolutions.reduce((sum, d) => sum + d.recycled, 0n);
  const expected = report.emission - report.recycledTao - dissolved;
  if (delta !== expected) errors.push(`ΔTotalIssuance ${delta} ≠ E − recycled − dissolved ${expected}`);
  for (const d of report.dissolutions) {
    let paid = d.toSinks;
    for (const v of Object.values(d.paid)) paid += v;
    if (paid + d.recycled !== d.pot) errors.push(`netuid ${d.netuid}: dissolution paid ${paid} + recycled ${d.recycled} ≠ pool ${d.pot}`);
  }
  let spent = 0n;
  for (const s of report.coinbase.subnets) spent += s.taoIn + s.excessTao;
  if (spent + report.recycledTao !== report.emission) errors.push(`Σ(tao_in + excess) + recycled ${spent + report.recycledTao} ≠ E ${report.emission}`);
  const gone = new Set(report.dissolutions.map((d) => d.netuid));
  for (const s of state.subnets) {
    const b = before.subnets[s.netuid];
    // A new subnet (or a netuid reused after a dissolution this block) starts its own count.
    if (b === undefined || gone.has(s.netuid)) continue;
    const terms = report.coinbase.subnets.find((c) => c.netuid === s.netuid);
    const minted = terms === undefined ? 0n : terms.alphaInjected + terms.alphaEmitted;
    const recycled = s.alphaRecycled - b.alphaRecycled;
    const dA = s.alphaIn + s.alphaOut - b.alphaIssuance;
    if (dA !== minted - recycled) errors.push(`netuid ${s.netuid}: ΔA ${dA} ≠ α_in + α_out − recycled ${minted - recycled}`);
  }
  for (const e of report.epochs.ran) {
    const d = e.distribution;
    if (d.uncredited < 0n) errors.push(`netuid ${e.netuid}: epoch credited ${-d.uncredited} α more than it drained`);
  }
  return errors;
}
