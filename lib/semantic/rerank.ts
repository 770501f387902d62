/**
 * The semantic re-ranker: the lexical ranker's own candidates for a sentence
 * (rankQuery's list, best first) re-scored by a logistic model over the
 * ranker's score and rank and the sentence's USE cosine with each claim,
 * relative to the best cosine in the list. No scan of every claim's
 * embedding, no BM25: only what the extension has for a sentence.
 * Weights: rerank-weights.json, fitted on the 2a + 2b train splits only by
 * `npx tsx scripts/eval-semantic.ts --write-rerank` (which measures it by
 * grouped cross-validation as `fm-rerank`).
 */
import weights from './rerank-weights.json';

export const RERANK_FEATURES = [
  'fm score',
  '1/(1+fm rank)',
  'cos',
  'cos-max in fm list',
  '1/(1+cos rank in fm list)',
] as const;

export interface RerankModel {
  features: readonly string[];
  mean: readonly number[];
  std: readonly number[];
  w: readonly number[];
  b: number;
}

/** Features of each candidate, in the list's order (`score` best first, `cos` per candidate). */
export function rerankFeatures(scores: readonly number[], cos: readonly number[]): number[][] {
  const byCos = cos.map((_, i) => i).sort((a, b) => (cos[b] as number) - (cos[a] as number));
  const cosRank = new Array<number>(cos.length);
  byCos.forEach((i, r) => (cosRank[i] = r));
  const max = cos.length ? (cos[byCos[0] as number] as number) : 0;
  return scores.map((s, k) => [
    s,
    1 / (1 + k),
    cos[k] as number,
    (cos[k] as number) - max,
    1 / (1 + (cosRank[k] as number)),
  ]);
}

/** The candidates re-ordered by the model, each with its probability. */
export function rerank<T extends { score: number }>(
  list: readonly T[],
  cos: readonly number[],
  model: RerankModel = weights,
): (T & { semantic: number })[] {
  if (model.features.join() !== RERANK_FEATURES.join())
    throw new Error('rerank-weights.json: features differ; refit it');
  const x = rerankFeatures(
    list.map((c) => c.score),
    cos,
  );
  return list
    .map((c, k) => {
      let z = model.b;
      (x[k] as number[]).forEach((v, j) => {
        z += (model.w[j] as number) * ((v - (model.mean[j] as number)) / (model.std[j] as number));
      });
      return { ...c, semantic: 1 / (1 + Math.exp(-z)) };
    })
    .sort((a, b) => b.semantic - a.semantic);
}
