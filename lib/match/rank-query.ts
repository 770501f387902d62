import type { Query, RankedClaim } from '../types';
import type { ClaimIndexCore } from './index-core';
import { cleanQueryText, prepareQuery } from './prepare-query';
import { evidenceOf, rankPrepared } from './rank-prepared';

/**
 * Rank claims for one query, best first. `neighbours` are the sentences
 * around it in its document (used as context, never as evidence). A tweet's
 * embed trailer ("— Name (@handle) May 5, 2020") gives the date when the
 * query carries none.
 */
export function rankQuery(
  index: ClaimIndexCore,
  query: Query,
  opts: { top?: number; neighbours?: string[] } = {},
): RankedClaim[] {
  const cleaned = cleanQueryText(query.text);
  const q = prepareQuery(index, cleaned.text, query.speaker, query.date ?? cleaned.date);
  const around = [...(opts.neighbours ?? []), ...(cleaned.author ? [cleaned.author] : [])];
  const ctx = around.length > 0 ? prepareQuery(index, around.join('\n')) : null;
  return rankPrepared(index, q, ctx, opts.top ?? 5).map((r) => ({
    claim: index.src.ids[r.claim] as string,
    score: r.score,
    annotate: r.band === 'annotate',
    band: r.band,
    evidence: evidenceOf(q, cleaned.text, r.matched),
  }));
}
