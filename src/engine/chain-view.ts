// The open chain as the page sees it: one plain object per call (block, issuance, halving, each subnet's emission
// share, pool, pending buckets, tempo countdown, neurons), built from the live state. Pure reads of the state; the
// next block's emission split comes from the chain's own coinbase step run on a shallow copy.
import type { ChainAction } from '../chain/actions.ts';
import { isEmitting, runCoinbaseStep } from '../chain/coinbase.ts';
import { ONE_RAW32, ONE_U64F64 } from '../chain/defaults.ts';
import { SUBNET_HYPERPARAMETERS, type ValueKind } from '../chain/hyperparams.ts';
import { formatDecimal } from '../chain/scenario-write.ts';
import { blocksUntilNextEpochLegacy } from '../chain/schedule.ts';
import type { ChainEngines, ChainState, SubnetState } from '../chain/state.ts';
import type { LastBlock } from './chain-run.ts';

export type { LastBlock } from './chain-run.ts';

const TOTAL_SUPPLY = 21_000_000n * 1_000_000_000n;

export interface NeuronView {
  uid: number;
  hotkey: string;
  coldkey: string;
  /** α staked on the hotkey on this subnet (all its nominators). */
  stake: bigint;
  validatorPermit: boolean;
  active: boolean;
  /** Last epoch's outputs: emission (α units), the rest u16 proportions. */
  emission: bigint;
  incentive: number;
  dividends: number;
  consensus: number;
  validatorTrust: number;
  lastUpdate: bigint;
  blockAtRegistration: bigint;
}

export interface HyperparameterView {
  name: string;
  kind: ValueKind;
  /** The owner may set it (else root only). */
  owner: boolean;
  /** The current value as a scenario writes it ("0.9", "true", "45875,58982"). */
  value: string;
}

export interface SubnetView {
  netuid: number;
  ownerColdkey: string;
  ownerHotkey: string;
  /** In subnets_to_emit_to (started, subtoken enabled, registration allowed); `emissionEnabled`: its TAO side is on. */
  emitting: boolean;
  emissionEnabled: boolean;
  /** T_i / E and T_i (rao) of the next block, were it to run now. */
  share: number;
  taoEmission: bigint;
  taoReserve: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  /** Spot price and EMA price (TAO per α), root proportion (0–1), as floats for display. */
  price: number;
  emaPrice: number;
  rootProportion: number;
  pending: { server: bigint; validator: bigint; root: bigint; owner: bigint };
  tempo: number;
  epochIndex: bigint;
  lastEpochBlock: bigint;
  /** The block its next epoch is due (null: tempo 0 never runs) and how many blocks away (deferral can add one). */
  nextEpochBlock: bigint | null;
  blocksUntilEpoch: bigint | null;
  burn: bigint;
  maxAllowedUids: number;
  commitReveal: boolean;
  /** Under a TAO-flow share rule: the user and protocol flow EMAs in TAO per block (I64F64 as a float); else null. */
  flowEma: { user: number; protocol: number } | null;
  neurons: NeuronView[];
  hyperparameters: HyperparameterView[];
}

export interface LoggedActionView {
  block: bigint;
  seq: number;
  action: ChainAction;
}

export interface ChainView {
  chain: { id: string; name: string; forkedFrom: { chainId: string; name: string; block: bigint } | null };
  /** Where saving goes; `unsaved`: some history is not durable yet (e.g. storage full). */
  storage: { backend: 'indexeddb' | 'memory'; unsaved: boolean };
  /** Another tab has this chain open (chain-lock.ts): here it can be viewed, seeked and copied, not changed. */
  readOnly: boolean;
  startBlock: bigint;
  block: bigint;
  head: bigint;
  /** Changes whenever stored history up to the head was replaced (open, fork, truncate): refetch epoch results. */
  revision: number;
  snapshotEvery: number;
  totalIssuance: bigint;
  /** E of the last block, and E of the next block at the current issuance. */
  blockEmission: bigint;
  nextBlockEmission: bigint;
  halvings: number;
  /** The issuance at which E halves, and ≈ the first block minting the halved E (at the last block's net issuance growth). */
  nextHalving: { issuance: bigint; block: bigint | null } | null;
  rootTao: bigint;
  stateHash: string;
  /** The scenario-pinned share rule (chain.md §2.2), which decides what the subnet table's share column means. */
  shareRule: ChainState['rules']['shareRule'];
  subnets: SubnetView[];
  coldkeys: { name: string; balance: bigint }[];
  hotkeys: { name: string; owner: string }[];
  last: LastBlock | null;
  /** The user's actions, in (block, seq) order. */
  log: LoggedActionView[];
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

function hyperparameterText(s: SubnetState, name: string, kind: ValueKind): string {
  if (name === 'alpha_values') return `${s.hp.alphaLow},${s.hp.alphaHigh}`;
  if (name === 'commit_reveal_weights_enabled') return String(s.hp.commitRevealEnabled);
  if (name === 'subnet_emission_enabled') return String(s.emissionEnabled);
  const v = (s.hp as unknown as Record<string, unknown>)[camel(name)];
  if (kind === 'u64f64') return formatDecimal(v as bigint, ONE_U64F64);
  return String(v);
}

/** The block the subnet's next epoch is due after `block` (stateful: LastEpochBlock + tempo or a pending trigger). */
export function nextEpochBlock(s: SubnetState, block: bigint, scheduler: ChainState['rules']['scheduler']): bigint | null {
  const tempo = BigInt(s.hp.tempo);
  if (tempo === 0n) return null;
  if (scheduler === 'legacy') return block + 1n + blocksUntilNextEpochLegacy(s.netuid, tempo, block + 1n);
  let due = s.sched.lastEpochBlock + tempo;
  if (s.sched.pendingEpochAt > 0n && s.sched.pendingEpochAt < due) due = s.sched.pendingEpochAt;
  return due > block ? due : block + 1n;
}

/** The smallest issuance with one more halving than `issuance`, by bisection on the chain's own curve. */
function nextHalvingIssuance(engines: ChainEngines, issuance: bigint): bigint | null {
  const k = engines.math.halvings(issuance);
  if (engines.math.blockEmission(issuance) === 0n || engines.math.halvings(TOTAL_SUPPLY - 1n) <= k) return null;
  let lo = issuance;
  let hi = TOTAL_SUPPLY - 1n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (engines.math.halvings(mid) > k) hi = mid;
    else lo = mid;
  }
  return hi;
}

function neuronsOf(state: ChainState, s: SubnetState): NeuronView[] {
  return s.neurons.map((n, uid) => ({
    uid, hotkey: n.hotkey, coldkey: state.hotkeys[n.hotkey]?.owner ?? '', stake: s.pools[n.hotkey]?.total ?? 0n,
    validatorPermit: n.validatorPermit, active: n.active, emission: n.emission, incentive: n.incentive, dividends: n.dividends,
    consensus: n.consensus, validatorTrust: n.validatorTrust, lastUpdate: n.lastUpdate, blockAtRegistration: n.blockAtRegistration,
  }));
}

export interface ViewContext {
  chain: ChainView['chain'];
  storage: ChainView['storage'];
  readOnly: boolean;
  startBlock: bigint;
  head: bigint;
  revision: number;
  snapshotEvery: number;
  stateHash: string;
  last: LastBlock | null;
  log: LoggedActionView[];
}

/** The view of `state`. Reads only; the coinbase probe runs on shallow copies of the subnets. */
export function buildView(state: ChainState, engines: ChainEngines, ctx: ViewContext): ChainView {
  const nextE = engines.math.blockEmission(state.totalIssuance);
  const probe: ChainState = { ...state, subnets: state.subnets.map((s) => ({ ...s, pending: { ...s.pending } })) };
  const split = runCoinbaseStep(probe, engines, nextE).subnets;
  const halving = nextHalvingIssuance(engines, state.totalIssuance);
  const growth = ctx.last ? ctx.last.emission - ctx.last.recycledTao : nextE;
  const owners = new Map<string, bigint>(Object.entries(state.balances));
  for (const h of Object.values(state.hotkeys)) if (!owners.has(h.owner)) owners.set(h.owner, 0n);
  return {
    ...ctx,
    block: state.block,
    totalIssuance: state.totalIssuance,
    blockEmission: state.blockEmission,
    nextBlockEmission: nextE,
    halvings: engines.math.halvings(state.totalIssuance),
    // Issuance reaches the threshold after ⌈remaining / growth⌉ more blocks; the next block mints the halved E.
    nextHalving: halving === null ? null : { issuance: halving, block: growth > 0n ? state.block + (halving - state.totalIssuance + growth - 1n) / growth + 1n : null },
    rootTao: state.root.taoReserve,
    shareRule: state.rules.shareRule,
    subnets: state.subnets.map((s, i) => {
      const next = nextEpochBlock(s, state.block, state.rules.scheduler);
      return {
        netuid: s.netuid, ownerColdkey: s.ownerColdkey, ownerHotkey: s.ownerHotkey,
        emitting: isEmitting(s), emissionEnabled: s.emissionEnabled,
        share: nextE === 0n ? 0 : Number(split[i].taoEmission) / Number(nextE), taoEmission: split[i].taoEmission,
        taoReserve: s.taoReserve, alphaIn: s.alphaIn, alphaOut: s.alphaOut,
        price: s.alphaIn === 0n ? 0 : Number(s.taoReserve) / Number(s.alphaIn),
        emaPrice: Number(s.emaPrice) / Number(ONE_RAW32), rootProportion: Number(s.rootProportion) / Number(ONE_RAW32),
        pending: { ...s.pending }, tempo: s.hp.tempo, epochIndex: s.sched.epochIndex, lastEpochBlock: s.sched.lastEpochBlock,
        nextEpochBlock: next, blocksUntilEpoch: next === null ? null : next - state.block,
        burn: s.burn, maxAllowedUids: s.hp.maxAllowedUids, commitReveal: s.hp.commitRevealEnabled,
        flowEma: s.flow ? { user: Number(s.flow.userEma) / 2 ** 64 / 1e9, protocol: Number(s.flow.protocolEma) / 2 ** 64 / 1e9 } : null,
        neurons: neuronsOf(state, s),
        hyperparameters: Object.entries(SUBNET_HYPERPARAMETERS).map(([name, spec]) => ({ name, kind: spec.kind, owner: spec.owner, value: hyperparameterText(s, name, spec.kind) })),
      };
    }),
    coldkeys: [...owners].map(([name, balance]) => ({ name, balance })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    hotkeys: Object.entries(state.hotkeys).map(([name, h]) => ({ name, owner: h.owner })),
  };
}
