import { INDEX_FORMAT, INDEX_VERSION, type ClaimIndexCore } from './index-core';
import { encodeVarints } from './varint';

/** The JSON payload: per-claim arrays plus varint/base64-packed integer arrays. */
export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  version: number;
  ids: string[];
  claimants: string[];
  dates: string[];
  priority: Record<string, number>;
  vocab: string[];
  counts: { units: number; seq: number };
  names: string;
  unitClaim: string;
  unitField: string;
  unitLen: string;
  seq: string;
}

/**
 * Serialise to a compact JSON-safe object. Only the source arrays are stored;
 * postings and statistics are rebuilt by loadIndex in one linear pass, which is
 * faster than parsing them from JSON and keeps the file ~3x smaller.
 */
export function serializeIndex(index: ClaimIndexCore): SerializedIndex {
  const s = index.src;
  // Unit claims are ascending: store deltas (mostly 0/1, one byte each).
  const deltas = new Uint32Array(s.unitClaim.length);
  for (let u = 0; u < deltas.length; u++)
    deltas[u] = (s.unitClaim[u] ?? 0) - (u ? (s.unitClaim[u - 1] ?? 0) : 0);
  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    ids: s.ids,
    claimants: s.claimants,
    dates: s.dates,
    priority: Object.fromEntries(Object.entries(s.priority).map(([k, v]) => [k, v])),
    vocab: s.vocab,
    counts: { units: s.unitClaim.length, seq: s.seq.length },
    names: encodeVarints(s.names),
    unitClaim: encodeVarints(deltas),
    unitField: encodeVarints(s.unitField),
    unitLen: encodeVarints(s.unitLen),
    seq: encodeVarints(s.seq),
  };
}
