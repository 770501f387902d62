import type { QueryContext, Sentence } from '../types';
import type { ClaimIndexCore } from './index-core';
import { blocksOf, matchBlock, type BlockHit } from './match-blocks';
import { MODEL } from './model';
import { prepareQuery, type PreparedQuery } from './prepare-query';
import { MIN_CONTENT_TERMS, rankPrepared, type ScoredClaim } from './rank-prepared';

/**
 * Candidates re-scored per page sentence. A page needs only the marks, not a
 * ranking: the claims worth marking are near the top of BM25, and fewer
 * candidates (and candidate terms in <=0.3% of units, PAGE_DF_SHARE) keep a
 * 5,000-word page in budget. Measured on the train transcripts (38 debates,
 * 32k lines): pool 6 -> 4 and share 0.5% -> 0.3% change no mark (175 marks);
 * pool 3 loses 2.
 */
export const PAGE_POOL = 4;

/** A sentence read without its neighbours or the page date (standsAlone). */
export interface Alone {
  q: PreparedQuery;
  alone: Map<number, ScoredClaim>;
}

/** What matching a document needs whatever the strictness: the strictnesses only filter it. */
export interface Rankings {
  prepared: PreparedQuery[];
  /** Each block's best claim, placed on its sentence (page mode), unfiltered. */
  blockHits: BlockHit[];
  /** Every term of the document with its count (the names rules read it). */
  doc: ReadonlyMap<number, number>;
  /** Each sentence's candidates with its neighbours as context (empty when too short). */
  ranked: ScoredClaim[][];
  aloneOf(i: number): Alone;
}

/**
 * The background matches one request at several strictnesses (a settings change then needs
 * no new request): the rankings are computed once per (sentences, index, context) and kept
 * while the caller holds the sentences array.
 */
const shared = new WeakMap<object, WeakMap<ClaimIndexCore, Map<string, Rankings>>>();

export function rankingsOf(
  index: ClaimIndexCore,
  sentences: readonly Pick<Sentence, 'text' | 'block'>[],
  ctx: QueryContext,
): Rankings {
  let byIndex = shared.get(sentences);
  if (!byIndex) shared.set(sentences, (byIndex = new WeakMap()));
  let byCtx = byIndex.get(index);
  if (!byCtx) byIndex.set(index, (byCtx = new Map()));
  const key = `${ctx.speaker ?? ''}\u0000${ctx.date ?? ''}`;
  const have = byCtx.get(key);
  if (have) return have;
  const prepared: PreparedQuery[] = sentences.map((s) =>
    prepareQuery(index, s.text, ctx.speaker, ctx.date),
  );
  // Every term of the document: a claim's subject may be named once, earlier.
  const doc = new Map<number, number>();
  // (Read from each token's term id: the same counts as the qtf maps, without their iterators.)
  for (const p of prepared)
    for (const t of p.tokenTerm) if (t >= 0) doc.set(t, (doc.get(t) ?? 0) + 1);
  // Page mode: each paragraph is also read as one statement (match-blocks.ts).
  const blockHits: BlockHit[] = [];
  if (!ctx.speaker)
    for (const [a, b] of blocksOf(sentences))
      blockHits.push(...matchBlock(index, sentences, a, b, doc));
  const ranked = prepared.map((q, i) => {
    // Too short to be marked on its own: not ranked (a block hit may still land here).
    if (q.length < MIN_CONTENT_TERMS) return [];
    const qtf = new Map<number, number>();
    for (const n of [prepared[i - 1], prepared[i + 1]])
      if (n) for (const [t, f] of n.qtf) qtf.set(t, f);
    return rankPrepared(index, q, { qtf }, PAGE_POOL, MODEL, doc, PAGE_POOL);
  });
  const alone = new Map<number, Alone>();
  const aloneOf = (i: number): Alone => {
    let a = alone.get(i);
    if (!a) {
      // The sentence as prepared, without the page date (a page has no speaker). The page's
      // terms stay: a claim's subject may be named once, earlier on the page.
      const q = { ...(prepared[i] as PreparedQuery), day: NaN };
      const bare = rankPrepared(index, q, { qtf: new Map() }, PAGE_POOL, MODEL, doc, PAGE_POOL);
      alone.set(i, (a = { q, alone: new Map(bare.map((b) => [b.claim, b])) }));
    }
    return a;
  };
  const r: Rankings = { prepared, blockHits, doc, ranked, aloneOf };
  byCtx.set(key, r);
  return r;
}
