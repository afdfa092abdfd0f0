// The coinbase step of a block (chain.md §5.3 step 5a–e): marshals every subnet into one ChainMath
// call (the arithmetic is in assembly/chain/coinbase.ts), writes the new reserves and pending
// buckets back, and recycles the unspent credit. Mutates the state.
import { flowKnobs } from './flow.ts';
import type { CoinbaseSubnetOut } from './math.ts';
import type { ChainEngines, ChainRules, ChainState, SubnetState } from './state.ts';

const SHARE_RULES: Record<ChainRules['shareRule'], number> = { price_ema_minerburn: 0, price_ema: 1, root_prop_minerburn: 2, tao_flow: 3, net_tao_flow: 4 };
const INJECTION_CAPS: Record<ChainRules['injectionCap'], number> = { root_proportion: 0, min_alpha_tao_emission: 1, alpha_emission: 2 };

/** What one subnet received this block (all rao / α units) and its reserves after the injection. */
export type SubnetBlockReport = CoinbaseSubnetOut & { netuid: number };

export interface CoinbaseReport {
  recycledTao: bigint;
  rootSell: boolean;
  subnets: SubnetBlockReport[];
}

/** `subnets_to_emit_to`: started (FirstEmissionBlockNumber set), subtoken enabled, registration allowed. */
export function isEmitting(subnet: SubnetState): boolean {
  return subnet.firstEmissionBlock !== null && subnet.subtokenEnabled && subnet.hp.networkRegistrationAllowed;
}

/** Runs the coinbase for `emission` rao already credited to TotalIssuance; recycles what is not spent. */
export function runCoinbaseStep(state: ChainState, engines: ChainEngines, emission: bigint): CoinbaseReport {
  const out = engines.math.coinbase({
    emission,
    rootTao: state.root.taoReserve,
    taoWeight: state.params.taoWeight,
    ownerCut: state.params.subnetOwnerCut,
    shareRule: SHARE_RULES[state.rules.shareRule],
    injectionCap: INJECTION_CAPS[state.rules.injectionCap],
    flow: flowKnobs(state.params),
    subnets: state.subnets.map((s) => ({
      taoReserve: s.taoReserve,
      alphaIn: s.alphaIn,
      alphaOut: s.alphaOut,
      emaPrice: s.emaPrice,
      minerBurned: s.minerBurned,
      emitting: isEmitting(s),
      emissionEnabled: s.emissionEnabled,
      ownerCutEnabled: s.hp.ownerCutEnabled,
      flow: s.flow,
    })),
  });
  const subnets: SubnetBlockReport[] = [];
  for (let i = 0; i < state.subnets.length; i++) {
    const s = state.subnets[i];
    const r = out.subnets[i];
    s.taoReserve = r.taoReserve;
    s.alphaIn = r.alphaIn;
    s.alphaOut = r.alphaOut;
    s.protocolAlpha += r.alphaBought;
    s.pending.owner += r.ownerCut;
    s.pending.server += r.server;
    s.pending.validator += r.validator;
    s.pending.root += r.root;
    s.alphaUncredited += r.dust;
    s.alphaRecycled += r.rootRecycled;
    if (isEmitting(s)) s.rootProportion = r.rootProportion;
    if (s.flow !== undefined) s.flow = r.flow;
    subnets.push(Object.assign(r, { netuid: s.netuid }));
  }
  state.totalIssuance -= out.recycledTao;
  return { recycledTao: out.recycledTao, rootSell: out.rootSell, subnets };
}
