import type { Band, Evidence } from '../types';
import { candidates } from './candidates';
import { pairFeatures } from './features';
import type { ClaimIndexCore } from './index-core';
import { MODEL, scorePair, type Model } from './model';
import type { PreparedQuery } from './prepare-query';

/** Candidates re-scored per query: enough for MAP@5 and a page's marks. */
export const CANDIDATES = 40;
/** Sentences with fewer content terms are never marked ("Thank you very much."). */
export const MIN_CONTENT_TERMS = 4;
/** A claim's own priority (hand-curated = higher) breaks near ties. */
const PRIORITY_BONUS = 0.01;

export interface ScoredClaim {
  claim: number;
  score: number;
  band: Band | null;
  /** Query token indexes shared with the claim. */
  matched: number[];
  features: number[];
}

export function bandOf(score: number, model: Model = MODEL): Band | null {
  if (score >= model.thresholds.annotate) return 'annotate';
  if (score >= model.thresholds.possible) return 'possible';
  return null;
}

/**
 * Rank claims for a prepared query: inverted-index candidates, then features
 * and the learned scorer, then the hard rules that keep marks honest (a
 * different number, or a too-short sentence, never annotates).
 */
export function rankPrepared(
  index: ClaimIndexCore,
  q: PreparedQuery,
  ctx: Pick<PreparedQuery, 'qtf'> | null,
  top: number,
  model: Model = MODEL,
): ScoredClaim[] {
  const cands = candidates(index, q, Math.max(top, CANDIDATES));
  const bestBm25 = cands[0]?.bm25 ?? 0;
  const out: ScoredClaim[] = [];
  cands.forEach((cand, rank) => {
    const d = pairFeatures(index, q, cand.claim, ctx, bestBm25, rank);
    let score = scorePair(d.features, model);
    const prio = index.priority[cand.claim] ?? 0;
    if (prio) score = Math.min(1, score + PRIORITY_BONUS * prio);
    let band = bandOf(score, model);
    // Hard rules: a different number is a different claim; short or generic
    // sentences stay unmarked whatever their score.
    if (band === 'annotate' && (d.numConflict || q.length < MIN_CONTENT_TERMS)) band = 'possible';
    out.push({ claim: cand.claim, score, band, matched: d.matched, features: d.features });
  });
  out.sort((a, b) => b.score - a.score);
  if (out.length > top) out.length = top;
  return out;
}

/** The words and numbers of the query that the claim shares, as written. */
export function evidenceOf(q: PreparedQuery, text: string, matched: number[]): Evidence {
  const terms: string[] = [];
  const numbers: string[] = [];
  for (const k of matched) {
    const tok = q.tokens[k];
    if (!tok) continue;
    const surface = text.slice(tok.start, tok.end);
    const list = tok.kind === 'number' ? numbers : terms;
    if (!list.includes(surface)) list.push(surface);
  }
  return { terms, numbers };
}
