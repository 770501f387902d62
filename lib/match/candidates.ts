import { claimantOf, FIELD_TITLE, type ClaimIndexCore } from './index-core';
import type { PreparedQuery } from './prepare-query';
import { lowerBound } from '../sorted';

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
  speakerPool = 0,
): { claim: number; bm25: number }[] {
  const nUnits = index.src.unitClaim.length;
  const dfCap = Math.max(200, nUnits * maxDfShare);
  const { accClaim, pStart, idf } = index;
  const { weight: pw, claim: pClaim } = postingFacts(index);
  const touched = touchedScratch(index.size);
  let nTouched = 0;
  // Claim score: BM25 summed over its units (text, phrasings, half the title),
  // accumulated straight into the claim (each posting's BM25 factor is
  // precomputed, so one multiply-add per posting). Summing text and phrasing
  // units over-rewards claims with many phrasings; the features re-score each
  // unit separately and take the best.
  for (const [t, qf] of q.qtf) {
    const a = pStart[t] ?? 0;
    const b = pStart[t + 1] ?? 0;
    if (b - a > dfCap) continue;
    const w = (idf[t] ?? 0) * (qf > 1 ? 1 + Math.log(qf) * 0.3 : 1);
    for (let p = a; p < b; p++) {
      const c = pClaim[p] as number;
      const prev = accClaim[c] as number;
      if (prev === 0) touched[nTouched++] = c;
      accClaim[c] = prev + w * (pw[p] as number) + 1e-9;
    }
  }
  // Top `top` by a bounded insertion into a sorted buffer: a page sentence
  // touches thousands of claims and needs 8; sorting them all cost more than
  // the accumulation.
  const k = Math.max(1, top);
  const bestC: number[] = [];
  const bestS: number[] = [];
  for (let i = 0; i < nTouched; i++) {
    const c = touched[i] as number;
    const sc = accClaim[c] as number;
    accClaim[c] = 0;
    if (bestS.length === k && sc <= (bestS[k - 1] as number)) continue;
    let pos = bestS.length < k ? bestS.length : k - 1;
    while (pos > 0 && (bestS[pos - 1] as number) < sc) {
      bestS[pos] = bestS[pos - 1] as number;
      bestC[pos] = bestC[pos - 1] as number;
      pos--;
    }
    bestS[pos] = sc;
    bestC[pos] = c;
  }
  const out: { claim: number; bm25: number }[] = bestC.map((c, i) => ({
    claim: c,
    bm25: bestS[i] as number,
  }));
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
  // Speaker candidates: the claims this speaker is on record for, ranked by
  // BM25 over all the query's terms (no df cap). Politicians repeat their
  // checked claims in other words and on other occasions.
  if (q.speaker.length > 0 && speakerPool > 0) {
    const have = new Set(out.map((o) => o.claim));
    for (const s of speakerCandidates(index, q, speakerPool)) if (!have.has(s.claim)) out.push(s);
  }
  return out;
}

/**
 * The claims one call's postings touched, in a buffer kept between calls: a page sentence
 * touches thousands of claims, and a fresh array for each was the matcher's largest
 * allocation (about a quarter of its garbage on the bench article).
 */
let touchedBuf = new Uint32Array(0);
function touchedScratch(size: number): Uint32Array {
  if (touchedBuf.length < size) touchedBuf = new Uint32Array(size);
  return touchedBuf;
}

/** Speaker candidates added per query (rankQuery; pages pass 0 by default). */
export const SPEAKER_POOL = 20;

const speakerIndexCache = new WeakMap<ClaimIndexCore, Map<string, number[]>>();

/** Claimant token -> claims (built on first use; only queries with a speaker need it). */
function claimsBySpeakerToken(index: ClaimIndexCore): Map<string, number[]> {
  let m = speakerIndexCache.get(index);
  if (m) return m;
  m = new Map();
  for (let c = 0; c < index.size; c++)
    for (const w of claimantOf(index, c)) {
      let list = m.get(w);
      if (!list) m.set(w, (list = []));
      list.push(c);
    }
  speakerIndexCache.set(index, m);
  return m;
}

/**
 * Top `k` claims of the query's speaker by BM25 of their best text unit plus
 * half the title, over every query term. Cost: the speaker's claims times
 * their unit lengths (~1k claims for the most checked politicians).
 */
export function speakerCandidates(
  index: ClaimIndexCore,
  q: PreparedQuery,
  k: number,
): { claim: number; bm25: number }[] {
  const bySpeaker = claimsBySpeakerToken(index);
  const claims = new Set<number>();
  for (const w of q.speaker) for (const c of bySpeaker.get(w) ?? []) claims.add(c);
  const { claimUnitStart, uStart, uTerm, uTf, idf, src, avgLen } = index;
  const scored: { claim: number; bm25: number }[] = [];
  for (const c of claims) {
    let text = 0;
    let title = 0;
    for (let u = claimUnitStart[c] ?? 0; u < (claimUnitStart[c + 1] ?? 0); u++) {
      const isTitle = src.unitField[u] === FIELD_TITLE;
      const norm = K1 * (1 - B + (B * (src.unitLen[u] ?? 1)) / (avgLen[isTitle ? 2 : 0] ?? 1));
      let sc = 0;
      for (let j = uStart[u] ?? 0; j < (uStart[u + 1] ?? 0); j++) {
        const t = uTerm[j] as number;
        if (!q.qtf.has(t)) continue;
        const tf = uTf[j] ?? 1;
        sc += ((idf[t] ?? 0) * tf * (K1 + 1)) / (tf + norm);
      }
      if (isTitle) title = Math.max(title, sc);
      else text = Math.max(text, sc);
    }
    const total = text + TITLE_WEIGHT * title;
    if (total > 0) scored.push({ claim: c, bm25: total });
  }
  scored.sort((a, b) => b.bm25 - a.bm25);
  return scored.slice(0, k);
}

/** What candidates reads per posting, beside the index's own arrays. */
interface PostingFacts {
  /** BM25 factor tf(k1+1) / (tf + k1(1 - b + b len/avgLen)), times TITLE_WEIGHT for titles. */
  weight: Float32Array;
  /** The posting's claim (its unit's claim): one indirection less per posting. */
  claim: Uint32Array;
}

const postingCache = new WeakMap<ClaimIndexCore, PostingFacts>();

/**
 * Each posting's BM25 factor and claim, computed in one pass on first use (8 bytes per
 * posting, ~6 MB for the full set) and kept beside the index, so the serialised form does
 * not carry them.
 */
function postingFacts(index: ClaimIndexCore): PostingFacts {
  let facts = postingCache.get(index);
  if (facts) return facts;
  const { pUnit, pTf, src, avgLen } = index;
  const weight = new Float32Array(pUnit.length);
  const claim = new Uint32Array(pUnit.length);
  for (let p = 0; p < pUnit.length; p++) {
    const u = pUnit[p] as number;
    const title = src.unitField[u] === FIELD_TITLE;
    const tf = pTf[p] ?? 1;
    const len = src.unitLen[u] ?? 1;
    const norm = K1 * (1 - B + (B * len) / (avgLen[title ? 2 : 0] ?? 1));
    weight[p] = ((tf * (K1 + 1)) / (tf + norm)) * (title ? TITLE_WEIGHT : 1);
    claim[p] = src.unitClaim[u] as number;
  }
  facts = { weight, claim };
  postingCache.set(index, facts);
  return facts;
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
  const sorted = order;
  const lower = (v: number): number =>
    lowerBound(sorted.length, (i) => index.days[sorted[i] ?? 0] ?? 0, v);
  return order.subarray(lower(day - days), lower(day + days + 0.5));
}
