/** A display row (claim-set-format.ts) back to the card's ClaimRecord. */
import { VERDICTS, type ClaimRecord, type Source, type Verdict } from '../types';
import type { CompactClaim, OpenShard, Str } from './claim-set-format';

/** The value of a Str: inline, or the shard's interned string. */
function valueOf(sh: OpenShard, v: Str): string {
  return typeof v === 'number' ? (sh.table[v] ?? '') : v;
}

function optionalValue(sh: OpenShard, v: Str | null | undefined): string | undefined {
  return v === null || v === undefined ? undefined : valueOf(sh, v);
}

/** The record of claim `id` from its checked row (checkClaimRow). */
export function decodeClaimRow(sh: OpenShard, row: CompactClaim, id: string): ClaimRecord {
  const reviewed = valueOf(sh, row[3]);
  const sources = row[4].map((src): Source => ({
    publisher: valueOf(sh, src[0]),
    title: src[1],
    url: valueOf(sh, src[2]) + src[3],
    date: src[4] === null ? reviewed : valueOf(sh, src[4]),
  }));
  const r: ClaimRecord = {
    id,
    claim: row[0],
    verdict: VERDICTS[row[1]] as Verdict,
    // A note that was the headline stays out: the card shows the headline as the source.
    note: row[2] ?? '',
    sources,
    reviewed,
  };
  const rating = optionalValue(sh, row[6]);
  const claimant = optionalValue(sh, row[7]);
  const claimDate = optionalValue(sh, row[8]);
  const attribution = optionalValue(sh, row[9]);
  const lang = optionalValue(sh, row[10]);
  const verdictUpdated = optionalValue(sh, row[11]);
  if (rating !== undefined) r.rating = rating;
  if (claimant !== undefined) r.claimant = claimant;
  if (claimDate !== undefined) r.claimDate = claimDate;
  if (attribution !== undefined) r.attribution = attribution;
  if (lang !== undefined) r.lang = lang;
  if (verdictUpdated !== undefined) r.verdictUpdated = verdictUpdated;
  return r;
}

/** Which origin ("seed", "politifact", ...) the row's claim came from. */
export function rowOrigin(sh: OpenShard, row: CompactClaim): string | undefined {
  return optionalValue(sh, row[5]);
}
