import type { QueryContext, Sentence, SentenceMatch, Strictness } from '../types';
import type { ClaimIndexCore } from './index-core';
import { MODEL } from './model';
import { prepareQuery, type PreparedQuery } from './prepare-query';
import { evidenceOf, MIN_CONTENT_TERMS, rankPrepared, type ScoredClaim } from './rank-prepared';

/**
 * Candidates re-scored per page sentence. A page needs only the marks, not a
 * ranking: the claims worth marking are near the top of BM25, and fewer
 * candidates (and skipping terms in >1% of claims) keep a 5,000-word page in
 * budget. Measured on the train transcripts it loses no annotate marks.
 */
const PAGE_POOL = 8;

/** At most this many distinct claims are marked on one sentence. */
const MAX_PER_SENTENCE = 3;
/** Two matches sharing this share of their evidence tokens are near-duplicates. */
const DUPLICATE_OVERLAP = 0.5;

function passes(s: ScoredClaim, strictness: Strictness): boolean {
  if (strictness === 'broad') return s.band === 'annotate' || s.band === 'possible';
  if (s.band !== 'annotate') return false;
  return strictness === 'strict' ? s.score >= MODEL.thresholds.strict : true;
}

function overlap(a: number[], b: number[]): number {
  const sb = new Set(b);
  let inter = 0;
  for (const x of a) if (sb.has(x)) inter++;
  const union = a.length + b.length - inter;
  return union ? inter / union : 0;
}

/**
 * Match every sentence of one document (in reading order). Each sentence is
 * ranked with its neighbours as context; marks at the requested strictness
 * are returned in sentence order. A sentence can carry several distinct
 * claims; near-duplicate claims (same evidence) yield one mark, preferring the
 * higher priority, then the higher score. When a sentence carries more than one
 * claim, each mark is narrowed to the words that carry that claim.
 *
 * Cost: one tokenisation per sentence plus candidate generation; sentences
 * too short to be marked are tokenised but not ranked.
 */
export function matchSentences(
  index: ClaimIndexCore,
  sentences: Sentence[],
  ctx: QueryContext = {},
  opts: { strictness?: Strictness } = {},
): SentenceMatch[] {
  const strictness = opts.strictness ?? 'balanced';
  const prepared: PreparedQuery[] = sentences.map((s) =>
    prepareQuery(index, s.text, ctx.speaker, ctx.date),
  );
  // Every term of the document: a claim's subject may be named once, earlier.
  const doc = new Map<number, number>();
  for (const p of prepared) for (const [t, f] of p.qtf) doc.set(t, (doc.get(t) ?? 0) + f);
  const out: SentenceMatch[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const q = prepared[i] as PreparedQuery;
    const sentence = sentences[i] as Sentence;
    if (q.length < MIN_CONTENT_TERMS) continue;
    const qtf = new Map<number, number>();
    for (const n of [prepared[i - 1], prepared[i + 1]])
      if (n) for (const [t, f] of n.qtf) qtf.set(t, f);
    const ranked = rankPrepared(index, q, { qtf }, PAGE_POOL, MODEL, doc, PAGE_POOL).filter((s) =>
      passes(s, strictness),
    );
    if (ranked.length === 0) continue;
    ranked.sort(
      (a, b) =>
        (index.priority[b.claim] ?? 0) - (index.priority[a.claim] ?? 0) || b.score - a.score,
    );
    const kept: ScoredClaim[] = [];
    for (const r of ranked) {
      if (kept.length >= MAX_PER_SENTENCE) break;
      if (kept.some((k) => overlap(k.matched, r.matched) >= DUPLICATE_OVERLAP)) continue;
      kept.push(r);
    }
    kept.sort((a, b) => b.score - a.score);
    for (const r of kept) {
      let start = sentence.start;
      let end = sentence.end;
      if (kept.length > 1) {
        // Narrow to this claim's own evidence (tokens no other kept claim uses).
        const others = new Set(kept.filter((k) => k !== r).flatMap((k) => k.matched));
        const own = r.matched.filter((k) => !others.has(k));
        const span = own.length > 0 ? own : r.matched;
        const toks = span.map((k) => q.tokens[k]).filter((t) => t !== undefined);
        if (toks.length > 0) {
          start = sentence.start + Math.min(...toks.map((t) => t.start));
          end = sentence.start + Math.max(...toks.map((t) => t.end));
        }
      }
      out.push({
        sentence: i,
        start,
        end,
        claim: index.src.ids[r.claim] as string,
        score: r.score,
        band: r.band ?? 'possible',
        evidence: evidenceOf(q, sentence.text, r.matched),
      });
    }
  }
  return out;
}
