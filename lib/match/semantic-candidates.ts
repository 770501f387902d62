import type { QueryContext, Sentence } from '../types';
import type { ClaimIndexCore } from './index-core';
import { blocksOf, matchBlock, type BlockHit } from './match-blocks';
import { MODEL } from './model';
import { matchSentences } from './match-sentences';
import { hardGatesHold } from './rank-prepared';
import { rankingsOf } from './rankings';

/**
 * What the semantic pass reads (lib/semantic/page-decision.ts): the paragraphs of a page
 * the lexical pass left unmarked although their best claim came close, each with its best
 * claims that pass the hard rules. Only these are embedded: a page's other paragraphs
 * share too little with any claim for the cosine to make a mark, and embedding costs
 * ~12 ms of CPU a paragraph.
 */
export interface SemanticCandidate {
  /** The paragraph's text as the lexical pass read it (what is embedded). */
  text: string;
  /** Its best claims, best first, each placed on the sentence holding its evidence. */
  hits: BlockHit[];
}

/**
 * How many of a paragraph's best claims the semantic pass may choose among (the lexical pass
 * marks the first only).
 */
export const SEMANTIC_TOP = 3;

/**
 * At most this many paragraphs a request, the closest first: the budget of a median page
 * (about 12 ms of CPU each, issue 11: 150 ms a page).
 */
export const SEMANTIC_MAX_BLOCKS = 12;

/**
 * Paragraphs of `sentences` (page mode only) whose best claim scores between the possible
 * threshold and the page threshold, with no sentence the lexical pass marks at Balanced, and
 * the claims among its best that pass the hard rules; the `max` closest (the tools that
 * measure the decision read every one).
 */
export function semanticCandidates(
  index: ClaimIndexCore,
  sentences: readonly Pick<Sentence, 'text' | 'block'>[],
  ctx: QueryContext,
  max = SEMANTIC_MAX_BLOCKS,
): SemanticCandidate[] {
  if (ctx.speaker) return [];
  // Reuses the rankings the lexical pass computed for this very array (rankings.ts).
  const markedBlocks = new Set(
    matchSentences(index, sentences, ctx, { strictness: 'balanced' }).map(
      (m) => sentences[m.sentence]?.block,
    ),
  );
  // The paragraphs ranked again for their best SEMANTIC_TOP (the lexical pass keeps only the
  // best); the document's terms are the lexical pass's own.
  const { doc } = rankingsOf(index, sentences, ctx);
  const blockTops = blocksOf(sentences)
    .map(([a, b]) => matchBlock(index, sentences, a, b, doc, SEMANTIC_TOP))
    .filter((hits) => hits.length > 0);
  const { possible, page } = MODEL.thresholds;
  const out: (SemanticCandidate & { best: number })[] = [];
  for (const tops of blockTops) {
    const best = tops[0]?.r.score ?? 0;
    if (best < possible || best >= page) continue;
    const block = sentences[tops[0]?.sentence ?? 0]?.block;
    if (block !== undefined && markedBlocks.has(block)) continue;
    const hits = tops.filter(
      (h) => h.r.score >= possible && h.r.band !== null && hardGatesHold(index, h.q, h.r, doc),
    );
    if (hits.length > 0) out.push({ text: hits[0]?.text ?? '', hits, best });
  }
  out.sort((a, b) => b.best - a.best);
  return out.slice(0, max).map(({ text, hits }) => ({ text, hits }));
}
