// The epoch inspector's stages (spec §4, in subtensor's order): title, formula, and where subtensor computes it.
// Pure data. Function names are those of pallets/subtensor/src/epoch/run_epoch.rs (`epoch_mechanism`) and math.rs.

export type StageId = 'stake' | 'active' | 'weights' | 'consensus' | 'clip' | 'incentive' | 'bonds' | 'dividends' | 'emission' | 'legacy';

export interface StageCopy {
  id: StageId;
  title: string;
  /** The formula in plain Unicode; ⊗ ⊘ are the fixed-point product (floored) and quotient (truncated, 0 on ÷0). */
  formula: string;
  /** File and function(s) in subtensor. */
  where: string;
  /** One or two sentences on what the stage means. */
  text: string;
  spec: string;
}

export const STAGES: StageCopy[] = [
  { id: 'stake', title: 'Stake', spec: '§4.2',
    formula: 'S_i = ⌊ stake_i · 2³² / Σ stake ⌋   (stake_i := 0 below stake_threshold, except the owner)',
    where: 'run_epoch.rs `epoch_mechanism`: get_stake_weights_for_network → math.rs inplace_normalize_64, vec_fixed64_to_fixed32',
    text: 'Alpha stake (plus tao_weight × root stake) normalised to sum 1 in I64F64, then floored to I32F32. StakeWeight is this S stored as u16.' },
  { id: 'active', title: 'Active stake', spec: '§4.1, §4.3, §4.4',
    formula: 'inactive_i = last_update_i + cutoff < block;   A_i = S_i masked where inactive or without permit;   A = A ⊘ ΣA',
    where: 'run_epoch.rs `epoch_mechanism`: math.rs inplace_mask_vector (twice), inplace_normalize; new permits: is_topk_nonzero',
    text: 'Only validators that set weights recently and hold last epoch’s permit count. New permits go to the top-k stakes and take effect next epoch.' },
  { id: 'weights', title: 'Masked weights', spec: '§4.5',
    formula: 'W1 read u16 → W2 drop rows without permit → W3 drop self-weights → W4 drop (i,j) if last_update_i ≤ reg_j → W6 W_ij = W_ij ⊘ Σ_j W_ij',
    where: 'run_epoch.rs `epoch_mechanism`: get_weights_sparse, math.rs mask_rows_sparse, mask_diag_sparse(_except_index), vec_mask_sparse_matrix, inplace_row_normalize_sparse',
    text: 'The stored weight rows after every mask, then row-normalised: each permitted validator’s row sums to 1.' },
  { id: 'consensus', title: 'Consensus', spec: '§4.6',
    formula: 'C_j = the largest w such that validators weighting j at least w hold ≥ κ of the active stake   (stake-weighted median)',
    where: 'run_epoch.rs `epoch_mechanism`: math.rs weighted_median_col_sparse (mid-pivot quickselect)',
    text: 'Sort the validators by the weight they give the miner, highest first, and walk down their cumulative stake: consensus is the weight where it reaches κ.' },
  { id: 'clip', title: 'Clipped weights and validator trust', spec: '§4.7',
    formula: 'W̄_ij = min(W_ij, C_j) (entries clipped to 0 are dropped);   VT_i = Σ_j W̄_ij',
    where: 'run_epoch.rs `epoch_mechanism`: math.rs col_clip_sparse, row_sum_sparse',
    text: 'Weight above consensus earns nothing. Validator trust is how much of a validator’s weight survives clipping.' },
  { id: 'incentive', title: 'Ranks and incentive', spec: '§4.8',
    formula: 'R_j = Σ_i A_i ⊗ W̄_ij (each product floored);   I = R ⊘ ΣR',
    where: 'run_epoch.rs `epoch_mechanism`: math.rs matmul_sparse, inplace_normalize',
    text: 'A miner’s rank is the active stake behind its clipped weights; incentive is rank normalised to sum 1.' },
  { id: 'bonds', title: 'Bonds', spec: '§4.9–§4.12',
    formula: 'Wb = W + β ⊗ (W̄ − W);   Yuma 1: ΔB = colnorm(Wb ∘ A), E = colnorm(α ⊗ ΔB + (1 − α) ⊗ colnorm(B));   Yuma 3: E_ij = (1 − α_ij) ⊗ B_ij + α_ij ⊗ Wb_ij',
    where: 'run_epoch.rs `epoch_mechanism`: math.rs interpolate_sparse; Yuma 1: row_hadamard_sparse, inplace_col_normalize_sparse, compute_ema_bonds_normal_sparse; Yuma 3: compute_bonds_sparse (mat_ema_alpha_sparse, liquid alpha: alpha_sigmoid)',
    text: 'Bonds are each validator’s accumulated stake in each miner, an exponential moving average towards its (penalised) weights. Recently registered miners’ columns are dropped first.' },
  { id: 'dividends', title: 'Dividends', spec: '§4.10 step 5, §4.11 step 4',
    formula: 'Yuma 1: D_i = Σ_j I_j ⊗ E_ij;   Yuma 3: D_i = (Σ_j colnorm(E)_ij ⊗ I_j) ⊗ A_i;   D = D ⊘ ΣD',
    where: 'run_epoch.rs `epoch_mechanism`: Yuma 1 matmul_transpose_sparse; Yuma 3 mat_vec_mul_sparse, row_sum_sparse, vec_mul; then inplace_normalize',
    text: 'Validators are paid by the incentive of the miners they hold bonds in; on Yuma 3 also in proportion to their own active stake.' },
  { id: 'emission', title: 'Emission', spec: '§4.13',
    formula: 'ns_i = I_i ⊘ Σ(I + D),  nv_i = D_i ⊘ Σ(I + D),  nc = normalise(I + D);   rao_i = ⌊ raw(n_i) · E / 2³² ⌋',
    where: 'run_epoch.rs `epoch_mechanism`: inplace_normalize_using_sum, inplace_normalize; I96F32 saturating_mul → saturating_to_num::<u64>',
    text: 'The epoch’s emission E is split about half to miners (incentive) and half to validators (dividends), floored per uid, so a few rao are lost. With no usable weights it follows stake.' },
  { id: 'legacy', title: 'Legacy outputs', spec: '§10.1',
    formula: 'P_j = Σ_i A_i ⊗ W_ij;   Trust_j = R_j ⊘ P_j;   Rank = u16(I);   PruningScores = vec_max_upscale_to_u16(nc)',
    where: 'run_epoch.rs before main 6e3d24cea: matmul_sparse (preranks), vecdiv, vec_max_upscale_to_u16',
    text: 'Rank, Trust and PruningScores were written until 2025-12. They are shown for teaching and for reading old explorers; the chain no longer stores them.' },
];
