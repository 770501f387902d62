/**
 * "Check with Factmark" on selected text: the best matching fact checks for the selection in
 * every enabled set, even those below the marking threshold (each says which). Pure: the
 * background passes the loaded sets in.
 */
import type { ClaimSet } from './claims/claim-set';
import { cleanQueryText, prepareQuery } from './match/prepare-query';
import { evidenceOf, rankPrepared } from './match/rank-prepared';
import type { Band, ClaimRecord, Evidence } from './types';

export interface LookupHit {
  claim: ClaimRecord;
  score: number;
  /** 'annotate': would be marked at default settings; 'possible': Broad only; null: neither. */
  band: Band | null;
  evidence: Evidence;
}

/** The longest selection read (a selection of a whole page is cut here). */
export const MAX_SELECTION = 2000;

export async function lookupSelection(
  sets: readonly { set: ClaimSet }[],
  selection: string,
  top = 3,
): Promise<LookupHit[]> {
  const text = cleanQueryText(selection.slice(0, MAX_SELECTION)).text;
  if (!text.trim()) return [];
  const hits: LookupHit[] = [];
  for (const { set } of sets) {
    const q = prepareQuery(set.index, text);
    const ranked = rankPrepared(set.index, q, null, top).filter((r) => r.score > 0);
    if (ranked.length === 0) continue;
    const rows = await set.claims.getRows(new Set(ranked.map((r) => r.claim)));
    for (const r of ranked) {
      const claim = rows.get(r.claim);
      if (claim) {
        hits.push({
          claim,
          score: r.score,
          band: r.band,
          evidence: evidenceOf(q, text, r.matched),
        });
      }
    }
  }
  const seen = new Set<string>();
  return hits
    .sort((a, b) => b.score - a.score)
    .filter((h) => !seen.has(h.claim.id) && seen.add(h.claim.id))
    .slice(0, top);
}
