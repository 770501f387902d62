import { claimantOf, FIELD_TITLE, type ClaimIndexCore } from './index-core';
import { B, K1 } from './candidates';
import type { PreparedQuery } from './prepare-query';
import { maskOf, nextStamp, unitMaskOf, type TermMask } from './term-mask';

/**
 * Features of one (query, claim) pair, fed to the learned scorer. Names are
 * listed so the weights file can be checked against them.
 */
export const FEATURE_NAMES = [
  'bias',
  'bm25', // BM25 of the best text unit, all query terms (/10)
  'bm25Rel', // bm25 relative to the best candidate of this query
  'covClaim', // idf share of the claim's terms found in the query
  'covQuery', // idf share of the query's terms found in the claim
  'covClaim2', // covClaim squared (lets the model bend)
  'bigram', // share of the claim's adjacent term pairs found in the query
  'title', // idf share of the title's terms found in the query
  'numMatch', // claim and query share a number
  'numConflict', // both carry numbers, none shared
  'numMissing', // claim has numbers, query none
  'nameMissing', // idf share of the claim's names absent from the query
  'nameMatch', // idf mass of shared names (/10)
  'speakerMatch',
  'speakerOther', // a speaker is known and is not the claimant
  'dateNear', // claim made within 3 days of the statement
  'dateBefore', // claim made 4..365 days before
  'dateAfter', // claim made more than 3 days after
  'ctxGain', // coverage gained from neighbouring sentences
  'qLen', // log content length of the query
  'rank', // 1 / (1 + BM25 rank)
  'speakerDate', // the speaker made this claim within 3 days (same event)
  'speakerRecent', // the speaker made this claim 4..365 days before
  'matched', // log(1 + number of distinct shared terms)
  'maxIdf', // highest idf among shared terms (/10): one rare shared word
  'speakerCov', // covClaim when the speaker is the claimant (interaction)
  'speakerAge', // the speaker's claim, how long before/after: 0 same week .. 1 ~10 years
  'run', // longest run of the claim's terms found in order in the query / claim length
  'covClaimGap', // covClaim minus the best covClaim among the query's candidates (rank-prepared)
  'titleGap', // title minus the best title coverage among the candidates
  'bigramGap', // bigram minus the best bigram share among the candidates
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Feature name -> position (looked up once, not per pair). */
export const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<
  FeatureName,
  number
>;

export interface PairDetail {
  features: number[];
  /** Best text/phrasing unit. */
  unit: number;
  numConflict: boolean;
}

interface UnitStats {
  bm25: number;
  matchedIdf: number;
  bigramHits: number;
  bigrams: number;
  nums: number;
  numHits: number;
  nameIdf: number;
  nameHit: number;
  matchedTerms: number;
  maxIdf: number;
  run: number;
}

/**
 * Whether terms a, b are adjacent (in that order) in the query. Most claim
 * pairs fail the two mark checks; the scan is over a sentence's few tokens.
 */
function hasBigram(q: PreparedQuery, m: TermMask, a: number, b: number): boolean {
  if (m.mark[a] !== m.stamp || m.mark[b] !== m.stamp) return false;
  const tt = q.tokenTerm;
  for (let k = 1; k < tt.length; k++) if (tt[k] === b && tt[k - 1] === a) return true;
  return false;
}

const newStats = (): UnitStats => ({
  bm25: 0,
  matchedIdf: 0,
  bigramHits: 0,
  bigrams: 0,
  nums: 0,
  numHits: 0,
  nameIdf: 0,
  nameHit: 0,
  matchedTerms: 0,
  maxIdf: 0,
  run: 0,
});
/**
 * Two records pairFeatures fills in turn (the unit being read, the best so far) instead of a
 * new one per claim unit: those were a tenth of the matcher's garbage on the bench article.
 */
const scratchA = newStats();
const scratchB = newStats();

/** Unit `u`'s statistics against the query, written into `out`. */
function unitStats(
  index: ClaimIndexCore,
  q: PreparedQuery,
  m: TermMask,
  u: number,
  out: UnitStats,
): UnitStats {
  const { uStart, uTerm, uTf, idf, isNumber, nameScore, src, avgLen, unitSeqStart } = index;
  const len = src.unitLen[u] ?? 1;
  const field = src.unitField[u] === FIELD_TITLE ? 2 : 0;
  const norm = K1 * (1 - B + (B * len) / (avgLen[field] ?? 1));
  let bm25 = 0;
  let matchedIdf = 0;
  let nums = 0;
  let numHits = 0;
  let nameIdf = 0;
  let nameHit = 0;
  let matchedTerms = 0;
  let maxIdf = 0;
  for (let k = uStart[u] ?? 0; k < (uStart[u + 1] ?? 0); k++) {
    const t = uTerm[k] ?? 0;
    const w = idf[t] ?? 0;
    const hit = m.mark[t] === m.stamp;
    if (isNumber[t]) {
      nums++;
      if (hit) numHits++;
    } else if ((nameScore[t] ?? 0) >= 0.6) {
      nameIdf += w;
      if (hit) nameHit += w;
    }
    if (!hit) continue;
    const tf = uTf[k] ?? 1;
    bm25 += (w * tf * (K1 + 1)) / (tf + norm);
    matchedIdf += w;
    matchedTerms++;
    if (w > maxIdf) maxIdf = w;
  }
  // Adjacent content-term pairs of the unit found in the query (phrase evidence).
  let bigramHits = 0;
  let run = 0;
  let maxRun = 0;
  const s0 = unitSeqStart[u] ?? 0;
  const s1 = unitSeqStart[u + 1] ?? 0;
  for (let k = s0 + 1; k < s1; k++)
    if (hasBigram(q, m, src.seq[k - 1] ?? 0, src.seq[k] ?? 0)) {
      bigramHits++;
      run++;
      if (run > maxRun) maxRun = run;
    } else run = 0;
  out.bm25 = bm25;
  out.matchedIdf = matchedIdf;
  out.bigramHits = bigramHits;
  out.bigrams = Math.max(0, s1 - s0 - 1);
  out.run = maxRun > 0 ? (maxRun + 1) / Math.max(1, s1 - s0) : 0;
  out.nums = nums;
  out.numHits = numHits;
  out.nameIdf = nameIdf;
  out.nameHit = nameHit;
  out.matchedTerms = matchedTerms;
  out.maxIdf = maxIdf;
  return out;
}

/**
 * Compute features for claim `c`. `ctx` is the union of neighbouring
 * sentences (or null). Cost: linear in the claim's unit lengths.
 */
export function pairFeatures(
  index: ClaimIndexCore,
  q: PreparedQuery,
  c: number,
  ctx: Pick<PreparedQuery, 'qtf'> | null,
  bestBm25: number,
  rank: number,
): PairDetail {
  const { claimUnitStart, src, unitIdfSum } = index;
  let best: UnitStats | null = null;
  let bestUnit = -1;
  let bestCov = -1;
  let titleCov = -1;
  const mask = maskOf(index, q);
  for (let u = claimUnitStart[c] ?? 0; u < (claimUnitStart[c + 1] ?? 0); u++) {
    // Read into the record that is not the best so far (a unit that becomes the best keeps
    // its record, and the next unit goes into the other).
    const s = unitStats(index, q, mask, u, best === scratchA ? scratchB : scratchA);
    const cov = s.matchedIdf / Math.max(1e-6, unitIdfSum[u] ?? 0);
    if (src.unitField[u] === FIELD_TITLE) {
      titleCov = cov;
      continue;
    }
    const key = cov + s.bm25 / 100;
    if (key > bestCov) {
      bestCov = key;
      best = s;
      bestUnit = u;
    }
  }
  const features = new Array<number>(FEATURE_NAMES.length).fill(0);
  features[F.bias] = 1;
  features[F.rank] = 1 / (1 + rank);
  features[F.qLen] = Math.log(1 + q.length);
  if (!best || bestUnit < 0) return { features, unit: -1, numConflict: false };
  const idfSum = Math.max(1e-6, unitIdfSum[bestUnit] ?? 0);
  const covClaim = best.matchedIdf / idfSum;
  // A claim without a title (hand-written claims) is its own title; otherwise
  // the learned title weight would hold it below fact checks that have one.
  if (titleCov < 0) titleCov = covClaim;
  features[F.bm25] = best.bm25 / 10;
  features[F.bm25Rel] = bestBm25 > 0 ? Math.min(1.5, best.bm25 / bestBm25) : 0;
  features[F.covClaim] = covClaim;
  features[F.covClaim2] = covClaim * covClaim;
  features[F.covQuery] = best.matchedIdf / Math.max(1e-6, q.idfSum);
  features[F.bigram] = best.bigrams > 0 ? best.bigramHits / best.bigrams : 0;
  features[F.title] = titleCov;
  const numConflict = best.nums > 0 && best.numHits === 0 && q.numbers.size > 0;
  features[F.numMatch] = best.numHits > 0 ? 1 : 0;
  features[F.numConflict] = numConflict ? 1 : 0;
  features[F.numMissing] = best.nums > 0 && q.numbers.size === 0 ? 1 : 0;
  features[F.nameMissing] = best.nameIdf > 0 ? 1 - best.nameHit / best.nameIdf : 0;
  features[F.nameMatch] = best.nameHit / 10;
  const claimant = claimantOf(index, c);
  let speakerHit = false;
  if (q.speaker.length > 0 && claimant.length > 0) {
    speakerHit = claimant.some((w) => q.speaker.includes(w));
    features[speakerHit ? F.speakerMatch : F.speakerOther] = 1;
    if (speakerHit) features[F.speakerCov] = covClaim;
  }
  features[F.run] = best.run;
  const cd = index.days[c] ?? NaN;
  if (!Number.isNaN(cd) && !Number.isNaN(q.day)) {
    const diff = q.day - cd;
    if (Math.abs(diff) <= 3) features[F.dateNear] = 1;
    else if (diff > 3 && diff <= 365) features[F.dateBefore] = 1;
    else if (diff < -3) features[F.dateAfter] = 1;
    if (speakerHit && Math.abs(diff) <= 3) features[F.speakerDate] = 1;
    else if (speakerHit && diff > 3 && diff <= 365) features[F.speakerRecent] = 1;
    if (speakerHit)
      features[F.speakerAge] = Math.min(1, Math.log1p(Math.abs(diff) / 30) / Math.log1p(120));
  }
  features[F.matched] = Math.log(1 + best.matchedTerms);
  features[F.maxIdf] = best.maxIdf / 10;
  if (ctx) {
    // Coverage of the claim by sentence + neighbours, minus the sentence alone.
    const { uStart, uTerm, idf } = index;
    let m = 0;
    for (let k = uStart[bestUnit] ?? 0; k < (uStart[bestUnit + 1] ?? 0); k++) {
      const t = uTerm[k] ?? 0;
      if (mask.mark[t] === mask.stamp || ctx.qtf.has(t)) m += idf[t] ?? 0;
    }
    features[F.ctxGain] = m / idfSum - covClaim;
  }
  return { features, unit: bestUnit, numConflict };
}

/**
 * Query token indexes whose term unit `u` contains (evidence and clause
 * narrowing). Computed only for the claims a caller keeps, not per candidate.
 */
export function matchedTokens(index: ClaimIndexCore, q: PreparedQuery, u: number): number[] {
  if (u < 0) return [];
  const a = index.uStart[u] ?? 0;
  const b = index.uStart[u + 1] ?? 0;
  // The unit's terms marked once, then one read per token (was a scan of the unit per token).
  const unit = unitMaskOf(index);
  const stamp = nextStamp(unit);
  for (let j = a; j < b; j++) unit.mark[index.uTerm[j] ?? 0] = stamp;
  const matched: number[] = [];
  for (let k = 0; k < q.tokenTerm.length; k++) {
    const t = q.tokenTerm[k] ?? -1;
    if (t >= 0 && unit.mark[t] === stamp) matched.push(k);
  }
  return matched;
}
