// The yuma-trace-result/1 document (shared/formats/yuma-trace.md "Result document") built from a replay.
// Pure. u64 values become JSON integers up to 2^53−1 and decimal strings above, as the format requires.
import type { EpochIntermediates } from './epoch.ts';
import type { TraceEpoch, TraceResult } from './replay.ts';

export const RESULT_FORMAT = 'yuma-trace-result/1';

/** A JSON-ready value (what JSON.stringify writes without loss). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A u64 as the format writes it: a number when ≤ 2^53−1, else a decimal string. */
export function u64Json(v: bigint): number | string {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

/** The result document of a replay; each epoch carries `intermediates` when the replay asked for them. */
export function toResultJson(result: TraceResult): { format: string; name: string; epochs: Json[] } {
  return { format: RESULT_FORMAT, name: result.name, epochs: result.epochs.map(epochJson) };
}

function epochJson({ block, output }: TraceEpoch): Json {
  const doc: { [key: string]: Json } = {
    block: u64Json(block),
    emission: output.emission.map(u64Json),
    server_emission: output.serverEmission.map(u64Json),
    validator_emission: output.validatorEmission.map(u64Json),
    incentive_u16: [...output.incentive],
    dividends_u16: [...output.dividends],
    consensus_u16: [...output.consensus],
    validator_trust_u16: [...output.validatorTrust],
    stake_weight_u16: [...output.stakeWeight],
    active: [...output.active],
    new_validator_permit: [...output.newValidatorPermit],
    bonds_u16_after: output.bonds.map((row) => row.map(([j, v]) => [j, v])),
  };
  if (output.intermediates) doc.intermediates = intermediatesJson(output.intermediates);
  return doc;
}

/** Intermediates with snake_case keys and every raw I32F32 (bigint) as a decimal string; the runner's own shape. */
function intermediatesJson(x: EpochIntermediates): Json {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(x)) out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = rawJson(value);
  return out;
}

function rawJson(v: unknown): Json {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(rawJson);
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(`intermediates: unexpected ${typeof v}`);
}
