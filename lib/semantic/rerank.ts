/**
 * The query-mode re-ranker (hybrid retrieval): a query's candidates from two lexical rankers,
 * the factmark ranker (rankQuery's list) and a plain BM25 over the claims' text and title,
 * merged into one pool, and each candidate re-scored by one logistic model over both rankers'
 * scores and ranks and the query's USE cosine with the claim (alone, and read with its
 * neighbours when it has any), relative to the best cosine of the pool, and how far apart the
 * query's date and the claim's check are (both known: a tweet is usually checked within days).
 * No scan of every claim's embedding: only the pool's claims are embedded.
 * Weights: rerank-weights.json, fitted on the 2a + 2b train splits only by
 * `npx tsx scripts/fit-rerank.ts`; `npm run eval` measures the same model by grouped
 * cross-validation, refitted inside the folds (tools/semantic-eval.ts).
 */
import weights from './rerank-weights.json';

export const RERANK_FEATURES = [
  'fm score',
  'fm listed',
  '1/(1+fm rank)',
  'bm25/max',
  'ln(1+bm25)',
  '1/(1+bm25 rank)',
  'cos',
  'cos-max in pool',
  '1/(1+cos rank in pool)',
  'ctx cos',
  'ctx cos-max in pool',
  'dates known',
  'ln(1+|days|)',
  'within 30 days',
  'checked over 30 days before',
  'ln(1+|days|)-min in pool',
] as const;

export interface RerankModel {
  features: readonly string[];
  mean: readonly number[];
  std: readonly number[];
  w: readonly number[];
  b: number;
}

/** One claim of a query's pool: what each channel says of the pair. */
export interface PoolCandidate {
  /** The factmark ranker's score and rank (0 = first), when it listed the claim. */
  fm?: { score: number; rank: number };
  /** The pair's BM25 score (0 when they share no term). */
  bm25: number;
  /** Its rank in BM25's list (0 = first), when the claim is in BM25's pool. */
  bm25Rank?: number;
  /** The query's USE cosine with the claim. */
  cos: number;
  /**
   * The cosine of the query read with its neighbours (a debate line with the lines either
   * side, embedded as one text) with the claim; `cos` when the query has none.
   */
  ctxCos: number;
  /**
   * Days from the query's date (a debate's, or a tweet's own: lib/match/prepare-query.ts
   * tweetDate) to the claim's check; absent when either date is unknown.
   */
  days?: number;
}

/** Features of each candidate of one pool, in the pool's order (`bm25Max`: BM25's best score for the query). */
export function rerankFeatures(pool: readonly PoolCandidate[], bm25Max: number): number[][] {
  const byCos = pool.map((_, i) => i).sort((a, b) => pool[b]!.cos - pool[a]!.cos);
  const cosRank = new Array<number>(pool.length);
  byCos.forEach((i, r) => (cosRank[i] = r));
  const max = pool.length ? pool[byCos[0]!]!.cos : 0;
  const ctxMax = Math.max(...pool.map((c) => c.ctxCos));
  const top = bm25Max > 0 ? bm25Max : 1;
  // ln(1+|days|) of each candidate (Infinity: a date unknown), and the pool's nearest.
  const gaps = pool.map((c) => (c.days === undefined ? Infinity : Math.log1p(Math.abs(c.days))));
  const nearest = Math.min(...gaps);
  return pool.map((c, k) => [
    c.fm?.score ?? 0,
    c.fm ? 1 : 0,
    c.fm ? 1 / (1 + c.fm.rank) : 0,
    c.bm25 / top,
    Math.log1p(c.bm25),
    c.bm25Rank === undefined ? 0 : 1 / (1 + c.bm25Rank),
    c.cos,
    c.cos - max,
    1 / (1 + cosRank[k]!),
    c.ctxCos,
    c.ctxCos - ctxMax,
    c.days === undefined ? 0 : 1,
    c.days === undefined ? 0 : gaps[k]!,
    c.days !== undefined && Math.abs(c.days) <= 30 ? 1 : 0,
    c.days !== undefined && c.days < -30 ? 1 : 0,
    c.days === undefined ? 0 : gaps[k]! - nearest,
  ]);
}

/** The model's log-odds of one feature row. */
export function rerankLogit(model: Omit<RerankModel, 'features'>, x: readonly number[]): number {
  let z = model.b;
  x.forEach((v, j) => {
    z += model.w[j]! * ((v - model.mean[j]!) / model.std[j]!);
  });
  return z;
}

/** Each candidate's probability of being the claim the query states, in the pool's order. */
export function rerankProbabilities(
  pool: readonly PoolCandidate[],
  bm25Max: number,
  model: RerankModel = weights,
): number[] {
  if (model.features.join() !== RERANK_FEATURES.join())
    throw new Error(
      'rerank-weights.json: features differ; refit it (npx tsx scripts/fit-rerank.ts)',
    );
  return rerankFeatures(pool, bm25Max).map((x) => 1 / (1 + Math.exp(-rerankLogit(model, x))));
}
