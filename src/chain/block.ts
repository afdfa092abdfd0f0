// One block of the chain, in subtensor's order (chain.md §5.3; coinbase/block_step.rs): burn decay,
// issuance, auto-reveal, coinbase with drain and epochs, EMA prices, root claims, then the user's
// extrinsics. `stepBlock` MUTATES the state it is given and returns what happened.
import { applyAction, type ChainAction } from './actions.ts';
import { updateRegistrationPrices } from './burn.ts';
import { claimRootDividends, type ClaimReport } from './claims.ts';
import { isEmitting, runCoinbaseStep, type CoinbaseReport } from './coinbase.ts';
import { revealCommits, type RevealReport } from './commit-reveal.ts';
import type { Dissolution } from './dissolve.ts';
import type { ChainError } from './errors.ts';
import { runEpochs, type EpochsReport } from './epochs.ts';
import type { ChainEngines, ChainState } from './state.ts';

export interface ActionReport {
  index: number;
  op: ChainAction['op'];
  ok: boolean;
  error: ChainError | null;
}

/** Everything one block did. References state objects (epoch outputs); copy before mutating. */
export interface BlockReport {
  block: bigint;
  /** E minted this block. */
  emission: bigint;
  /** Unspent credit recycled (lowers TotalIssuance). */
  recycledTao: bigint;
  totalIssuance: bigint;
  coinbase: CoinbaseReport;
  epochs: EpochsReport;
  reveals: RevealReport[];
  claims: ClaimReport[];
  actions: ActionReport[];
  /** Subnets the actions dissolved (root dissolve, pruning by register_network), in order. */
  dissolutions: Dissolution[];
}

/**
 * Advances `state` by one block and applies `actions` (this block's extrinsics, in order) after the
 * block step. Mutates `state`; failed actions change nothing and are reported with the chain's error.
 */
export function stepBlock(state: ChainState, engines: ChainEngines, actions: readonly ChainAction[] = []): BlockReport {
  state.block += 1n;
  const block = state.block;
  updateRegistrationPrices(state, engines);
  // Issuance: E from TotalIssuance at the start of the block, minted as a credit for the coinbase.
  const emission = engines.math.blockEmission(state.totalIssuance);
  state.blockEmission = emission;
  state.totalIssuance += emission;
  const reveals = revealCommits(state, engines);
  const coinbase = runCoinbaseStep(state, engines, emission);
  const epochs = runEpochs(state, engines);
  updateMovingPrices(state, engines);
  const claims: ClaimReport[] = [];
  for (const e of epochs.ran) {
    const subnet = state.subnets.find((s) => s.netuid === e.netuid)!;
    claims.push(claimRootDividends(state, engines, subnet));
  }
  const dissolutions: Dissolution[] = [];
  const actionReports: ActionReport[] = actions.map((action, index) => {
    const result = applyAction(state, engines, action);
    if (result.ok && result.dissolution !== undefined) dissolutions.push(result.dissolution);
    return { index, op: action.op, ok: result.ok, error: result.ok ? null : result.error };
  });
  return {
    block, emission, recycledTao: coinbase.recycledTao, totalIssuance: state.totalIssuance,
    coinbase, epochs, reveals, claims, actions: actionReports, dissolutions,
  };
}

/** Step 6: EMA prices of the emitting subnets, after the coinbase. */
function updateMovingPrices(state: ChainState, engines: ChainEngines): void {
  const emitting = state.subnets.filter(isEmitting);
  const prices = engines.math.movingPrices(state.params.subnetMovingAlpha, emitting.map((s) => {
    const startCall = s.firstEmissionBlock! > 0n ? s.firstEmissionBlock! - 1n : 0n;
    return {
      emaPrice: s.emaPrice, taoReserve: s.taoReserve, alphaReserve: s.alphaIn,
      blocksSinceStart: state.block > startCall ? state.block - startCall : 0n, halvingBlocks: s.hp.emaPriceHalvingBlocks,
    };
  }));
  emitting.forEach((s, i) => { s.emaPrice = prices[i]; });
}
