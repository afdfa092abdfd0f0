// createChain: the ChainState a validated Scenario describes (its starting block, before any action).
// Pure: returns a fresh state that shares nothing with the scenario.
import { DEFAULT_SUBNET_HYPERPARAMETERS } from './defaults.ts';
import { isFlowRule, newSubnetFlow } from './flow.ts';
import { newSubnet } from './network.ts';
import { newNeuron } from './registration.ts';
import type { Scenario } from './scenario.ts';
import { modelledTao } from './scenario-read.ts';
import { staggeredLastEpochBlock } from './schedule.ts';
import { increaseStake } from './stake.ts';
import type { ChainState, StakePool } from './state.ts';

/** The chain at `scenario.startBlock`; TotalIssuance beyond the modelled TAO is held by "unmodelled" accounts. */
export function createChain(scenario: Scenario): ChainState {
  const modelled = modelledTao(scenario);
  const totalIssuance = scenario.totalIssuance ?? modelled;
  const hotkeys: ChainState['hotkeys'] = {};
  for (const [hk, h] of Object.entries(scenario.hotkeys)) hotkeys[hk] = { owner: h.owner, take: h.take, lastTakeIncrease: 0n };
  const rootPools: Record<string, StakePool> = {};
  let rootStake = 0n;
  for (const st of scenario.root.stakes) {
    increaseStake(rootPools, st.hotkey, st.coldkey, st.amount);
    rootStake += st.amount;
  }
  const state: ChainState = {
    format: 'yuma-chain-state/1',
    name: scenario.name,
    block: scenario.startBlock,
    totalIssuance,
    blockEmission: 0n,
    params: { ...scenario.params },
    rules: { ...scenario.rules },
    root: { taoReserve: rootStake + scenario.root.unmodelledTao, unmodelledTao: scenario.root.unmodelledTao, pools: rootPools },
    subnets: [],
    balances: { ...scenario.balances },
    hotkeys,
    rootClaimType: {},
    sinks: { unmodelledTao: totalIssuance - modelled, authorTao: 0n },
    networkLock: { lastLock: scenario.params.networkMinLock, lastLockBlock: 0n, lastRegistrationBlock: null },
  };
  for (const sc of scenario.subnets) {
    const s = newSubnet(sc.netuid, sc.ownerColdkey, sc.ownerHotkey, sc.registeredAt, sc.taoReserve, sc.alphaIn);
    s.hp = { ...DEFAULT_SUBNET_HYPERPARAMETERS, ...sc.hp };
    s.firstEmissionBlock = sc.firstEmissionBlock;
    s.subtokenEnabled = sc.firstEmissionBlock !== null;
    s.emissionEnabled = sc.emissionEnabled;
    s.unmodelledAlpha = sc.unmodelledAlpha;
    s.emaPrice = sc.emaPrice;
    s.minerBurned = sc.minerBurned;
    s.burn = sc.burn;
    if (isFlowRule(scenario.rules.shareRule)) s.flow = newSubnetFlow(sc.taoFlowEma, sc.protocolFlowEma);
    s.sched.lastEpochBlock = sc.lastEpochBlock ?? staggeredLastEpochBlock(sc.netuid, s.hp.tempo, scenario.startBlock);
    s.sched.epochIndex = sc.epochIndex;
    let staked = 0n;
    for (const n of sc.neurons) {
      const neuron = newNeuron(n.hotkey, n.blockAtRegistration);
      neuron.lastUpdate = n.lastUpdate;
      neuron.weights = n.weights.map(([j, v]) => [j, v]);
      neuron.bonds = n.bonds.map(([j, v]) => [j, v]);
      neuron.validatorPermit = n.validatorPermit;
      s.uids[n.hotkey] = s.neurons.length;
      s.neurons.push(neuron);
      increaseStake(s.pools, n.hotkey, n.coldkey, n.stake);
      staked += n.stake;
    }
    for (const st of sc.stakes) {
      increaseStake(s.pools, st.hotkey, st.coldkey, st.amount);
      staked += st.amount;
    }
    s.alphaOut = staked + sc.unmodelledAlpha;
    state.subnets.push(s);
  }
  return state;
}
