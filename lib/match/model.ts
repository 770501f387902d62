import weightsFile from './weights.json';
import { FEATURE_NAMES } from './features';

/**
 * The learned scorer: logistic regression over FEATURE_NAMES, weights trained
 * by scripts/train-weights.ts on the train splits only and shipped as JSON.
 * Its output is a probability that the pair is a correct match (calibrated on
 * the training pairs, which include every sentence of the train transcripts).
 */
export interface Model {
  weights: number[];
  /** `page`: where the marked band starts on a page without a speaker (match-sentences.ts). */
  thresholds: { strict: number; annotate: number; possible: number; page: number };
}

/**
 * Weights are matched to features by name: a feature the file does not know
 * gets weight 0 (so a new feature can be added before retraining); a name the
 * code does not know means the file belongs to another version: an Error.
 */
function checkModel(file: typeof weightsFile): Model {
  const byName = new Map<string, number>();
  file.features.forEach((n, i) => byName.set(n, file.weights[i] ?? 0));
  for (const n of byName.keys())
    if (!(FEATURE_NAMES as readonly string[]).includes(n))
      throw new Error(`lib/match/weights.json: unknown feature ${n}; retrain the scorer`);
  return { weights: FEATURE_NAMES.map((n) => byName.get(n) ?? 0), thresholds: file.thresholds };
}

export const MODEL: Model = checkModel(weightsFile);

export function scorePair(features: readonly number[], model: Model = MODEL): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
