// Test oracle for ChainMath.distribute: the epoch distribution's arithmetic as it ran in TypeScript
// before it moved to assembly/chain/distribute.ts, on BigInt U96F32 (src/chain/u96.ts, unbounded, no
// saturation), transcribed statement for statement from that distributeEmission. Numbers only, no state.
import type { DistributionIn, DistributionOut, DistributionUidOut } from '../../../src/chain/math.ts';
import { u16ToU96, u64FractionToU96, u96, u96Div, u96Mul, u96Sub, u96ToInt } from '../../../src/chain/u96.ts';

/** The BigInt result for the same inputs; outputs are not clamped to u64 (ChainMath.distribute's are). */
export function distributeOracle(input: DistributionIn): DistributionOut {
  const { server, validator, root, uids } = input;
  let incentiveSum = 0n;
  for (const u of uids) incentiveSum += u.serverEmission;
  // If no miner earned anything, validators also receive the miners' half.
  const validatorAlpha = incentiveSum !== 0n ? validator : validator + server;
  const taoWeight = u64FractionToU96(input.taoWeight);
  const alphaDivs = new Array<bigint>(uids.length).fill(0n);
  const rootDivs = new Array<bigint>(uids.length).fill(0n);
  let totalAlphaDivs = 0n;
  let totalRootDivs = 0n;
  for (let uid = 0; uid < uids.length; uid++) {
    const dividend = u96(uids[uid].validatorEmission);
    const alphaStake = u96(uids[uid].alphaStake);
    const rootAlpha = u96Mul(u96(uids[uid].rootStake), taoWeight);
    const rootProp = u96Div(rootAlpha, alphaStake + rootAlpha) ?? 0n;
    rootDivs[uid] = u96Mul(dividend, rootProp);
    alphaDivs[uid] = u96Sub(dividend, rootDivs[uid]);
    totalAlphaDivs += alphaDivs[uid];
    totalRootDivs += rootDivs[uid];
  }
  let withheld = 0n;
  const out: DistributionUidOut[] = uids.map((u, uid) => {
    const take = u16ToU96(u.take);
    const alphaShare = u96Div(alphaDivs[uid], totalAlphaDivs) ?? 0n;
    const alphaAmount = u96Mul(u96(validatorAlpha), alphaShare);
    const alphaTake = u96Mul(take, alphaAmount);
    const rootShare = u96Div(rootDivs[uid], totalRootDivs) ?? 0n;
    const rootAmount = u96Mul(u96(root), rootShare);
    const rootTake = u96Mul(take, rootAmount);
    if (u.ownerHotkey) withheld += u.serverEmission;
    return {
      alphaTake: u96ToInt(alphaTake),
      alphaRest: u96ToInt(u96Sub(alphaAmount, alphaTake)),
      rootTake: u96ToInt(rootTake),
      rootRest: u96ToInt(u96Sub(rootAmount, rootTake)),
      incentive: u.ownerHotkey ? 0n : u.serverEmission,
      withheld: u.ownerHotkey ? u.serverEmission : 0n,
    };
  });
  // MinerBurned = withheld ÷ total incentive (U96F32), 0 when nothing was earned.
  return { minerBurned: u96Div(u96(withheld), u96(incentiveSum)) ?? 0n, uids: out };
}
