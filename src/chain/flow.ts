// TAO-flow bookkeeping on the host side (chain.md §2.2 flow rules; subnet_emissions.rs `record_tao_inflow`,
// `record_protocol_inflow`): where user and protocol TAO flows are recorded, and the knobs in force. The EMAs
// and the shares are block arithmetic in assembly/chain/flow.ts. Flow state exists only under a flow rule.
import { DEFAULT_FLOW_KNOBS } from './defaults.ts';
import type { FlowKnobs, SubnetFlow } from './math.ts';
import type { ChainParams, ChainRules, ChainState, SubnetState } from './state.ts';

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

/** Whether a share rule reads TAO flows (and so keeps flow state). */
export const isFlowRule = (rule: ChainRules['shareRule']) => rule === 'tao_flow' || rule === 'net_tao_flow';

/** The flow knobs in force: `params` where set, else the defaults. */
export function flowKnobs(params: ChainParams): FlowKnobs {
  return {
    emaSmoothingFactor: params.flowEmaSmoothingFactor ?? DEFAULT_FLOW_KNOBS.emaSmoothingFactor,
    normExponent: params.flowNormExponent ?? DEFAULT_FLOW_KNOBS.normExponent,
    cutoff: params.taoFlowCutoff ?? DEFAULT_FLOW_KNOBS.cutoff,
    netEnabled: params.netTaoFlowEnabled ?? DEFAULT_FLOW_KNOBS.netEnabled,
  };
}

/** A subnet's flow state with the given EMAs (I64F64 raw) and nothing accumulated. */
export const newSubnetFlow = (userEma = 0n, protocolEma = 0n): SubnetFlow => ({ user: 0n, userEma, protocol: 0n, protocolEma });

/** i64 saturating add, as the chain's accumulators do. */
const addI64 = (a: bigint, b: bigint) => {
  const sum = a + b;
  return sum > I64_MAX ? I64_MAX : sum < I64_MIN ? I64_MIN : sum;
};

/**
 * User TAO flow (`record_tao_inflow` / `record_tao_outflow`): + the TAO a stake or a registration put into the
 * pool (fee excluded), − the TAO an unstake took out. Only under a flow rule. Mutates the subnet.
 */
export function recordUserFlow(subnet: SubnetState, deltaTao: bigint): void {
  if (subnet.flow !== undefined) subnet.flow.user = addI64(subnet.flow.user, deltaTao);
}

/** Protocol TAO flow (`record_protocol_outflow`): − the TAO root dividends sold out of the pool. net_tao_flow only. */
export function recordProtocolFlow(state: ChainState, subnet: SubnetState, deltaTao: bigint): void {
  if (state.rules.shareRule === 'net_tao_flow' && subnet.flow !== undefined) subnet.flow.protocol = addI64(subnet.flow.protocol, deltaTao);
}
