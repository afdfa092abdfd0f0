// Every place the simulated chain departs from subtensor at the pinned commit (chain.md §0), as data
// the UI shows next to the numbers. `changesNumbers` says whether results can differ from the chain's.

export interface Simplification {
  id: string;
  title: string;
  detail: string;
  changesNumbers: boolean;
}

export const SIMPLIFICATIONS: readonly Simplification[] = Object.freeze([
  { id: 'one-mechanism', title: 'One mechanism per subnet', detail: 'MechanismCountCurrent is 1 (the mainnet default); the emission split between mechanisms is not modelled.', changesNumbers: false },
  { id: 'no-childkeys', title: 'No childkeys', detail: 'Stake is never delegated to children, so inherited stake equals own stake, dividends are not split with parents, and the auto-parent delegation of root validators to new subnet owners is absent.', changesNumbers: true },
  { id: 'cpmm-pools', title: 'Pools are 0.5/0.5 constant product', detail: 'Swaps compute ⌊y·Δx/(x+Δx)⌋ exactly; the chain\'s Balancer goes through a 10^18-scaled power and may differ by a rao. Injections add reserves directly instead of re-weighting, so a pool\'s price can drift by the rounding of tao_in = α_in·p. Migrated pools with weights other than 0.5 are not modelled.', changesNumbers: true },
  { id: 'swap-limits', title: 'Swap limits simplified', detail: 'add_stake takes an optional maximum price but never fills partially; the 1 000× input cap and the minimum-liquidity rules are not checked.', changesNumbers: false },
  { id: 'swap-fee', title: 'Swap fee rounding', detail: 'The fee is ⌊amount · FeeRate / 65535⌋ of the input, paid to a visible block-author account (TAO or α).', changesNumbers: true },
  { id: 'root-claim-at-epoch', title: 'Root dividends claimed at the epoch', detail: 'Each hotkey\'s root-claimable α is paid to all its root nominators right after the epoch that credited it (Swap: sold fee-free for root stake; Keep: staked as α), instead of 5 pseudo-random coldkeys per block. The α is sold earlier than on chain, so pool prices differ slightly.', changesNumbers: true },
  { id: 'commit-reveal-plaintext', title: 'Commit-reveal without cryptography', detail: 'Timelocked (v4) commits are stored as sealed plaintext and revealed by the same epoch-index rule; the drand beacon is never late. The manual v2 hash commit/reveal is not offered.', changesNumbers: false },
  { id: 'share-renormalisation', title: 'Share renormalisation rounding', detail: 'Weights p̄·(1 − MinerBurned) and the renormalisation over emission-enabled subnets follow the spec in U64F64; the exact order of the chain\'s divisions at spec 425 was reconstructed, not read.', changesNumbers: true },
  { id: 'no-tao-flow', title: 'No TAO-flow share rule', detail: 'The Nov 2025 – Jun 2026 "TAO flow" rule (flow EMA, cutoff, exponent) is not implemented; the price-EMA rules (Feb 2025 and June 2026) and the tag-424 root-proportion rule are.', changesNumbers: true },
  { id: 'no-root-sell-every-block', title: 'Feb-2025 root selling', detail: 'The "alpha_emission" injection cap reproduces the Feb-2025 injection (no chain buy), but root\'s α share still accrues to PendingRootAlphaDivs instead of being sold for TAO every block.', changesNumbers: true },
  { id: 'no-subnet-pruning', title: 'No subnet pruning or dissolution', detail: 'register_network fails with SubnetLimitReached at the limit instead of dissolving the subnet with the lowest EMA price.', changesNumbers: false },
  { id: 'lock-cost-rounding', title: 'Lock cost reconstructed', detail: 'The subnet lock cost max(MinLock, 2L − ⌊L/I\'⌋·Δb) with I\' scaled by E/1 TAO follows the spec; the chain\'s integer order was not read.', changesNumbers: true },
  { id: 'integer-stake-shares', title: 'Stake shares are integers', detail: 'A (hotkey, netuid) pool holds exact integer shares per coldkey; the chain\'s share pool keeps fractional share values, so a nominator\'s α can differ by a unit.', changesNumbers: true },
  { id: 'no-networking', title: 'No networking, keys or fees for transactions', detail: 'Axons, prometheus, identities, EVM, proxies, leasing, voting power, key swaps, conviction locks and owner change, and transaction (weight) fees are absent: none of them change emission or stake math.', changesNumbers: false },
  { id: 'reconstructed-errors', title: 'Some error names reconstructed', detail: 'A second owner-triggered epoch returns EpochTriggerAlreadyPending and trigger_epoch under the legacy scheduler returns InvalidValue; the chain\'s exact names for these were not read.', changesNumbers: false },
]);
