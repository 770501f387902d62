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
  thresholds: { strict: number; annotate: number; possible: number };
}

function checkModel(file: typeof weightsFile): Model {
  const names = file.features;
  if (names.length !== FEATURE_NAMES.length || names.some((n, i) => n !== FEATURE_NAMES[i]))
    throw new Error('lib/match/weights.json does not match FEATURE_NAMES: retrain the scorer');
  return { weights: file.weights, thresholds: file.thresholds };
}

export const MODEL: Model = checkModel(weightsFile);

export function scorePair(features: readonly number[], model: Model = MODEL): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
