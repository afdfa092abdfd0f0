// The subtensor unit-test subnets shown in the gallery: small yuma-trace/1 files copied verbatim from
// tests/golden/subtensor/traces/ (subtensor's own tests/epoch.rs, expanded to explicit values), each with a story.
// Pure data; the gallery test (tests/ui/gallery.test.ts) replays every one.
import testBonds from './test_bonds.json?raw';
import kappaFirst from './test_yuma_3_kappa_moves_first.json?raw';
import kappaSecond from './test_yuma_3_kappa_moves_second.json?raw';
import kappaLast from './test_yuma_3_kappa_moves_last.json?raw';
import oneEpochSwitch from './test_yuma_3_one_epoch_switch.json?raw';
import stableMiner from './test_yuma_3_stable_miner.json?raw';
import liquidAlphaOff from './test_yuma_3_liquid_alpha_disabled.json?raw';
import outdatedWeights from './test_outdated_weights.json?raw';
import deregisteredMiner from './test_deregistered_miner_bonds.json?raw';
import zeroWeights from './test_zero_weights.json?raw';
import activeStake from './test_active_stake.json?raw';
import tenGraph from './test_10_graph.json?raw';

export interface SubtensorGalleryItem {
  /** The test's name in subtensor's tests/epoch.rs. */
  test: string;
  story: string;
  /** The yuma-trace/1 text. */
  text: string;
}

export const SUBTENSOR_GALLERY: readonly SubtensorGalleryItem[] = [
  { test: 'test_bonds', text: testBonds, story: 'Four validators with stake 1 : 2 : 3 : 4 weight four miners; then validators drop weights and stake changes, and the EMA bonds follow epoch by epoch (Yuma 1/2 bonds).' },
  { test: 'test_yuma_3_kappa_moves_first', text: kappaFirst, story: 'Yuma 3 with liquid alpha: the big validator moves to the new server first and the small ones follow.' },
  { test: 'test_yuma_3_kappa_moves_second', text: kappaSecond, story: 'Yuma 3: a small validator finds the better server before the big one; its early bonds pay once consensus moves.' },
  { test: 'test_yuma_3_kappa_moves_last', text: kappaLast, story: 'Yuma 3: both small validators move first and the big validator moves last.' },
  { test: 'test_yuma_3_one_epoch_switch', text: oneEpochSwitch, story: 'Yuma 3: one validator switches servers for a single epoch and comes back.' },
  { test: 'test_yuma_3_stable_miner', text: stableMiner, story: 'Yuma 3: validators move between two servers while a third, stable miner keeps a fixed share.' },
  { test: 'test_yuma_3_liquid_alpha_disabled', text: liquidAlphaOff, story: 'The kappa-moves-first story on Yuma 3 with liquid alpha off: a fixed bonds EMA instead of a per-bond one.' },
  { test: 'test_outdated_weights', text: outdatedWeights, story: 'A miner re-registers after validators set weights: weights older than its registration are masked out.' },
  { test: 'test_deregistered_miner_bonds', text: deregisteredMiner, story: 'A miner is replaced: bonds to the old hotkey are cleared so the newcomer starts from zero.' },
  { test: 'test_zero_weights', text: zeroWeights, story: 'Nobody sets weights, then only self-weights: the epoch’s fallbacks when there is nothing to agree on.' },
  { test: 'test_active_stake', text: activeStake, story: 'A validator stops updating weights and goes inactive: its stake stops counting towards consensus and dividends.' },
  { test: 'test_10_graph', text: tenGraph, story: 'Ten uids, each its own validator and miner, with self-weights: one epoch of subtensor’s small graph test.' },
];
