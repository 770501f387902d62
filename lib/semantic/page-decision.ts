/**
 * The semantic pass's decision on a page: for a paragraph the lexical pass left unmarked
 * (lib/match/semantic-candidates.ts), one probability per candidate claim from a logistic
 * model over the lexical score, its rank, the USE cosine of paragraph and claim, that cosine
 * against the best of the paragraph's candidates, and its margin over every other claim of
 * the set (the cosine minus the highest cosine of any other claim: a paragraph that only
 * shares a topic is about as close to many claims). The best candidate is marked when its
 * probability reaches the model's threshold. The weights and the threshold are fitted on the
 * 2a train and dev tweets read as one page and the saved news pages
 * (`npx tsx scripts/fit-semantic-page.ts --write`, which reports grouped CV).
 */
import type { BlockHit } from '../match/match-blocks';
import type { SemanticCandidate } from '../match/semantic-candidates';
import { evidenceOf } from '../match/rank-prepared';
import type { Match } from '../types';
import weights from './page-weights.json';

export const PAGE_FEATURES = [
  'lexical score',
  '1/(1+rank)',
  'cos',
  'cos-max',
  'cos-margin',
] as const;

/** What the model says of a paragraph and its candidates: `cos[k]`, `margin[k]` for hit k. */
export interface Closeness {
  cos: readonly number[];
  /** The cosine minus the highest cosine of any other claim in the set. */
  margin: readonly number[];
}

export interface PageModel {
  features: readonly string[];
  mean: readonly number[];
  std: readonly number[];
  w: readonly number[];
  b: number;
  /** The probability a mark needs. */
  threshold: number;
}

export const PAGE_MODEL: PageModel = weights;

/** Features of each of a paragraph's candidates (`cos[k]`, `margin[k]` for `hits[k]`). */
export function pageFeatures(hits: readonly BlockHit[], { cos, margin }: Closeness): number[][] {
  const max = Math.max(...cos);
  return hits.map((h, k) => [
    h.r.score,
    1 / (1 + h.rank),
    cos[k] ?? 0,
    (cos[k] ?? 0) - max,
    margin[k] ?? -1,
  ]);
}

export function probability(x: readonly number[], m: PageModel): number {
  let z = m.b;
  x.forEach((v, j) => {
    z += (m.w[j] ?? 0) * ((v - (m.mean[j] ?? 0)) / (m.std[j] || 1));
  });
  return 1 / (1 + Math.exp(-z));
}

/** The paragraph's best candidate and its probability. */
export function bestOf(
  c: SemanticCandidate,
  close: Closeness,
  m: PageModel = PAGE_MODEL,
): { hit: BlockHit; p: number } | null {
  if (m.features.join() !== PAGE_FEATURES.join())
    throw new Error('page-weights.json: its features differ from PAGE_FEATURES; refit it');
  const x = pageFeatures(c.hits, close);
  let best: { hit: BlockHit; p: number } | null = null;
  c.hits.forEach((hit, k) => {
    const p = probability(x[k] ?? [], m);
    if (!best || p > best.p) best = { hit, p };
  });
  return best;
}

/**
 * The semantic marks of a request: each candidate paragraph whose best probability reaches
 * the threshold gets one mark on the sentence holding that claim's evidence, in the
 * `annotate` band with the probability as its score (shown at Balanced and Broad; Strict
 * keeps to the lexical marks).
 */
export function semanticMatches(
  cands: readonly SemanticCandidate[],
  close: readonly Closeness[],
  set: string,
  sentenceText: (i: number) => string,
  m: PageModel = PAGE_MODEL,
): Match[] {
  const out: Match[] = [];
  cands.forEach((c, i) => {
    const best = bestOf(c, close[i] ?? { cos: [], margin: [] }, m);
    if (!best || best.p < m.threshold) return;
    const { hit } = best;
    out.push({
      sentence: hit.sentence,
      start: 0,
      end: sentenceText(hit.sentence).length,
      set,
      row: hit.r.claim,
      score: best.p,
      band: 'annotate',
      evidence: evidenceOf(hit.q, hit.text, hit.matched),
      semantic: true,
    });
  });
  return out.sort((a, b) => a.sentence - b.sentence);
}
