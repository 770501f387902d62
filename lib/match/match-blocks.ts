import type { Sentence } from '../types';
import type { ClaimIndexCore } from './index-core';
import { MODEL } from './model';
import { cleanQueryText, prepareQuery, type PreparedQuery } from './prepare-query';
import { MIN_CONTENT_TERMS, QUERY_DF_SHARE, rankPrepared, type ScoredClaim } from './rank-prepared';

/**
 * A block's statement: on a page, a paragraph is the unit a person writes a statement in
 * (a tweet, a quote, a short paragraph), and sentence splitting cuts it into pieces that
 * each state only part of a claim. A block is ranked as one query, exactly as a query is
 * ranked in query mode (the mode whose top-1 score is the calibrated decision), and its
 * mark is then placed on the sentence that carries most of the claim's evidence.
 */
export interface BlockHit {
  /** Sentence index (into the matcher's sentences) the mark goes on. */
  sentence: number;
  /** The block's query and its text (the token offsets are into that text). */
  q: PreparedQuery;
  text: string;
  /** Token indexes (into q) of this sentence's share of the evidence. */
  matched: number[];
  r: ScoredClaim;
  /** The claim's place in the block's ranking (0: the best). */
  rank: number;
}

/**
 * Candidates re-scored per block: a page needs its best claim only. Measured on the 2a tweets
 * read as pages: pool 40 -> 10 leaves dev unchanged (recall 0.734) and costs train 0.008 of
 * recall (0.600 -> 0.592), at a fraction of the cost.
 */
export const BLOCK_POOL = 10;

/**
 * Candidate terms of a block: those in up to 3% of units, as in query mode, where a page's
 * sentences take only the rarest (PAGE_DF_SHARE, 0.3%). A statement's words are often common
 * ones ("Felons can't vote. But pardoned ones can"). On the 2a tweets read as pages
 * (`npm run eval -- --pages`, grouped CV) 0.3% -> 3% took recall from 0.658 to 0.664 at
 * precision 0.951 with the news pages as quiet; matching the 100 news pages took about as
 * long (1.6-2.4 s against 1.9-2.6 s in Node, noisy).
 */
export const BLOCK_DF_SHARE = QUERY_DF_SHARE;

/** Blocks longer than this many content terms are left to the sentence pass. */
export const BLOCK_MAX_TERMS = 80;

/**
 * Runs of consecutive sentences that share a `block` ([first, end) index pairs); sentences
 * without one are not grouped (the sentence pass reads them).
 */
export function blocksOf(
  sentences: readonly Pick<Sentence, 'text' | 'block'>[],
): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  while (a < sentences.length) {
    const block = sentences[a]?.block;
    let b = a + 1;
    if (block !== undefined) {
      while (b < sentences.length && sentences[b]?.block === block) b++;
      out.push([a, b]);
    }
    a = b;
  }
  return out;
}

/**
 * Rank one block (sentences [a, b)) as a query; return its best `top` claims, each placed on
 * one sentence (none when the block is too short or too long). The caller applies the
 * strictness: the ranking is the same at every setting.
 */
export function matchBlock(
  index: ClaimIndexCore,
  sentences: readonly Pick<Sentence, 'text' | 'block'>[],
  a: number,
  b: number,
  doc: ReadonlyMap<number, number>,
  top = 1,
): BlockHit[] {
  const offsets: number[] = [];
  let text = '';
  for (let i = a; i < b; i++) {
    if (i > a) text += ' ';
    offsets.push(text.length);
    text += (sentences[i] as Pick<Sentence, 'text'>).text;
  }
  const cleaned = cleanQueryText(text);
  const q = prepareQuery(index, cleaned.text, undefined, cleaned.date);
  if (q.length < MIN_CONTENT_TERMS || q.length > BLOCK_MAX_TERMS) return [];
  const ctx = cleaned.author ? prepareQuery(index, cleaned.author) : null;
  const ranked = rankPrepared(index, q, ctx, top, MODEL, doc, BLOCK_POOL, BLOCK_DF_SHARE);
  const out: BlockHit[] = [];
  for (const [rank, r] of ranked.entries()) {
    // Each token of the evidence belongs to the sentence its offset falls in.
    const per: number[][] = offsets.map(() => []);
    for (const k of r.matched) {
      const at = q.tokens[k]?.start ?? 0;
      let s = offsets.length - 1;
      while (s > 0 && (offsets[s] as number) > at) s--;
      per[s]?.push(k);
    }
    // The mark goes where the claim is stated: the sentence holding most of the evidence.
    let best = 0;
    per.forEach((m, s) => {
      if (m.length > (per[best] as number[]).length) best = s;
    });
    const matched = per[best] as number[];
    if (matched.length > 0)
      out.push({ sentence: a + best, q, text: cleaned.text, matched, r, rank });
  }
  return out;
}
