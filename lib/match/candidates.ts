import { claimantOf, FIELD_TITLE, type ClaimIndexCore } from './index-core';
import type { PreparedQuery } from './prepare-query';

/** BM25 parameters (Robertson's defaults, as in the baseline). */
export const K1 = 1.2;
export const B = 0.75;
/** Title matches count for less than the claim text (it paraphrases or teases). */
export const TITLE_WEIGHT = 0.5;

/**
 * Candidate generation through the inverted index: BM25 accumulated over the
 * postings of the query's terms, skipping terms present in more than
 * `maxDfShare` of all units (frequent words alone never make a candidate; they
 * still count in the features of candidates found via rarer terms). Cost is
 * sum of the posting lengths of the query's rarer terms: it grows with the
 * query, and only mildly with the claim set. Returns claim indexes with their
 * BM25 score, best first, at most `top`.
 */
export function candidates(
  index: ClaimIndexCore,
  q: PreparedQuery,
  top: number,
  maxDfShare = 0.03,
): { claim: number; bm25: number }[] {
  const nUnits = index.src.unitClaim.length;
  const dfCap = Math.max(200, nUnits * maxDfShare);
  const { acc, accClaim, pStart, pUnit, pTf, idf, src, avgLen } = index;
  const touched: number[] = [];
  for (const [t, qf] of q.qtf) {
    const a = pStart[t] ?? 0;
    const b = pStart[t + 1] ?? 0;
    if (b - a > dfCap) continue;
    const w = (idf[t] ?? 0) * (qf > 1 ? 1 + Math.log(qf) * 0.3 : 1);
    for (let p = a; p < b; p++) {
      const u = pUnit[p] ?? 0;
      const tf = pTf[p] ?? 1;
      const field = src.unitField[u] === FIELD_TITLE ? 2 : 0;
      const len = src.unitLen[u] ?? 1;
      const s = (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / (avgLen[field] ?? 1)));
      if ((acc[u] ?? 0) === 0) touched.push(u);
      acc[u] = (acc[u] ?? 0) + s;
    }
  }
  // Claim score: best text/phrasing unit plus a share of the title.
  const claims: number[] = [];
  for (const u of touched) {
    const c = src.unitClaim[u] ?? 0;
    const s = acc[u] ?? 0;
    acc[u] = 0;
    if ((accClaim[c] ?? 0) === 0) claims.push(c);
    if (src.unitField[u] === FIELD_TITLE)
      accClaim[c] = (accClaim[c] ?? 0) + TITLE_WEIGHT * s + 1e-9;
    else accClaim[c] = (accClaim[c] ?? 0) + s + 1e-9; // phrasings: see below
  }
  // Note: summing text and phrasing units over-rewards claims with many
  // phrasings; the features re-score each unit separately and take the best.
  const out: { claim: number; bm25: number }[] = [];
  for (const c of claims) {
    out.push({ claim: c, bm25: accClaim[c] ?? 0 });
    accClaim[c] = 0;
  }
  out.sort((x, y) => y.bm25 - x.bm25);
  if (out.length > top) out.length = top;
  // Context candidates: claims the same speaker made within a few days of the
  // statement (same debate or speech), even with little shared wording.
  if (q.speaker.length > 0 && !Number.isNaN(q.day)) {
    const have = new Set(out.map((o) => o.claim));
    for (const c of claimsNear(index, q.day, SAME_EVENT_DAYS)) {
      if (have.has(c)) continue;
      const claimant = claimantOf(index, c);
      if (claimant.some((w) => q.speaker.includes(w))) out.push({ claim: c, bm25: 0 });
    }
  }
  return out;
}

/** Days either side of a statement that count as the same event. */
export const SAME_EVENT_DAYS = 3;

const dayOrders = new WeakMap<ClaimIndexCore, Uint32Array>();

/** Claims dated within `days` of `day` (binary search over a lazily sorted order). */
export function claimsNear(index: ClaimIndexCore, day: number, days: number): Uint32Array {
  let order = dayOrders.get(index);
  if (!order) {
    const withDay: number[] = [];
    for (let c = 0; c < index.size; c++) if (!Number.isNaN(index.days[c] ?? NaN)) withDay.push(c);
    withDay.sort((a, b) => (index.days[a] ?? 0) - (index.days[b] ?? 0));
    order = Uint32Array.from(withDay);
    dayOrders.set(index, order);
  }
  const lower = (v: number): number => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((index.days[order[mid] ?? 0] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return order.subarray(lower(day - days), lower(day + days + 0.5));
}
