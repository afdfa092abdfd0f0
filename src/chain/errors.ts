// The chain's own error names that extrinsics return (pallets/subtensor/src/macros/errors.rs, the
// admin-utils pallet and DispatchError::BadOrigin). A failed extrinsic changes nothing.
import type { Dissolution } from './dissolve.ts';

export const CHAIN_ERRORS = [
  // weights and commit-reveal (subnets/weights.rs, guards/check_weights.rs)
  'CanNotSetRootNetworkWeights', 'MechanismDoesNotExist', 'CommitRevealEnabled', 'CommitRevealDisabled',
  'WeightVecNotEqualSize', 'UidsLengthExceedUidsInSubNet', 'HotKeyNotRegisteredInSubNet', 'NotEnoughStakeToSetWeights',
  'IncorrectWeightVersionKey', 'SettingWeightsTooFast', 'NeuronNoValidatorPermit', 'DuplicateUids',
  'UidVecContainInvalidOne', 'WeightVecLengthIsLow', 'MaxWeightExceeded', 'CommittingWeightsTooFast',
  'TooManyUnrevealedCommits',
  // staking (staking/*.rs)
  'SubnetNotExists', 'SubtokenDisabled', 'AmountTooLow', 'NotEnoughBalanceToStake', 'HotKeyAccountNotExists',
  'NotEnoughStakeToWithdraw', 'InsufficientLiquidity', 'SlippageTooHigh', 'NonAssociatedColdKey',
  // registration (subnets/registration.rs, subnets/subnet.rs)
  'RegistrationNotPermittedOnRootSubnet', 'SubNetRegistrationDisabled', 'HotKeyAlreadyRegisteredInSubNet',
  'NoNeuronIdAvailable', 'NetworkTxRateLimitExceeded', 'SubnetLimitReached', 'CannotAffordLockCost',
  'NotSubnetOwner', 'FirstEmissionBlockNumberAlreadySet', 'NeedWaitingMoreBlocksToStarCall',
  // takes
  'DelegateTakeTooLow', 'DelegateTakeTooHigh', 'DelegateTxRateLimitExceeded',
  // hyperparameters (admin-utils) and owner calls
  'BadOrigin', 'AdminActionProhibitedDuringWeightsWindow', 'TxRateLimitExceeded', 'InvalidValue',
  'MaxAllowedUidsLessThanMinAllowedUids', 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids', 'MaxAllowedUIdsLessThanCurrentUIds',
  'MaxValidatorsLargerThanMaxUIds', 'BondsMovingAverageMaxReached', 'NegativeSigmoidSteepness', 'LiquidAlphaDisabled',
  'AlphaLowOutOfRange', 'AlphaHighTooLow', 'RevealPeriodTooSmall', 'RevealPeriodTooLarge', 'ValueNotInBounds',
  'EpochTriggerAlreadyPending',
] as const;

export type ChainError = (typeof CHAIN_ERRORS)[number];

/** The outcome of one extrinsic; a success that dissolved a subnet (pruning, root dissolve) says what it did. */
export type ActionResult = { ok: true; dissolution?: Dissolution } | { ok: false; error: ChainError };

export const OK: ActionResult = Object.freeze({ ok: true });
export const fail = (error: ChainError): ActionResult => ({ ok: false, error });
