import type { Band, Evidence } from '../types';
import { candidates, SPEAKER_POOL } from './candidates';
import { F, matchedTokens, pairFeatures } from './features';
import { numbersDisagree } from './number-agreement';
import { checkNames, namesAgree, subjectReplaced, type NameCheck } from './name-agreement';
import type { ClaimIndexCore } from './index-core';
import { MODEL, scorePair, type Model } from './model';
import type { PreparedQuery } from './prepare-query';
import { MIN_TERMS } from '../text/markable';

/** Extra candidates per query from the sentence with its neighbours (and as many of the speaker's). */
export const CONTEXT_POOL = 10;
/** Query-term frequency given to a neighbour's term in those (ln-damped: ~0.8 of a sentence term). */
const CONTEXT_QF = 0.5;
/** Candidates re-scored per query: enough for MAP@5 and a page's marks. */
export const CANDIDATES = 40;
/**
 * Page sentences take candidates only from terms in at most this share of all units (0.3%:
 * ~250 postings of the full set). A claim a sentence states shares at least one such term
 * with it; commoner terms still count in the features. Checked on the train transcripts:
 * 1% -> 0.3% loses 3 of 178 marks (1 right), 0.3% -> 0.2% changes none.
 */
export const PAGE_DF_SHARE = 0.003;
/** Query mode (and a page's paragraph read as one statement): terms in up to 3% of units. */
export const QUERY_DF_SHARE = 0.03;
/** Sentences with fewer content terms are never marked ("Thank you very much."). */
export const MIN_CONTENT_TERMS = MIN_TERMS;
/** A claim's own priority (hand-curated = higher) breaks near ties. */
const PRIORITY_BONUS = 0.01;

export interface ScoredClaim {
  claim: number;
  score: number;
  band: Band | null;
  /** Query token indexes shared with the claim. */
  matched: number[];
  features: number[];
  /** The claim's best text/phrasing unit (-1 when none). */
  unit: number;
}

/**
 * Listwise features: each candidate's coverage, title coverage and phrase
 * evidence minus the best among this query's candidates (0 for the leader),
 * so the pointwise scorer sees how a claim compares with its rivals.
 */
const LISTWISE: readonly (readonly [number, number])[] = [
  [F.covClaim, F.covClaimGap],
  [F.title, F.titleGap],
  [F.bigram, F.bigramGap],
];
function listwise(all: number[][]): void {
  for (const [src, dst] of LISTWISE) {
    let best = 0;
    for (const f of all) best = Math.max(best, f[src] ?? 0);
    for (const f of all) f[dst] = (f[src] ?? 0) - best;
  }
}

export function bandOf(score: number, model: Model = MODEL): Band | null {
  if (score >= model.thresholds.annotate) return 'annotate';
  if (score >= model.thresholds.possible) return 'possible';
  return null;
}

/**
 * Rank claims for a prepared query: inverted-index candidates, then features
 * and the learned scorer, then the hard rules that keep marks honest (a
 * different number, or a too-short sentence, never annotates).
 */
export function rankPrepared(
  index: ClaimIndexCore,
  q: PreparedQuery,
  ctx: Pick<PreparedQuery, 'qtf'> | null,
  top: number,
  model: Model = MODEL,
  doc: ReadonlyMap<number, number> | null = null,
  pool = CANDIDATES,
  share = pool < CANDIDATES ? PAGE_DF_SHARE : QUERY_DF_SHARE,
): ScoredClaim[] {
  const page = pool < CANDIDATES;
  const cands = candidates(index, q, Math.max(top, pool), share, page ? 0 : SPEAKER_POOL);
  if (!page && ctx && CONTEXT_POOL > 0) {
    // Context candidates: a debate line often finishes a statement its
    // neighbours began ("And they're tremendously expensive."). The sentence's
    // terms plus its neighbours' (down-weighted), by BM25 and among the
    // speaker's claims. Query mode only (rankQuery): a page ranks thousands
    // of sentences and marks only what a sentence itself states.
    const merged = new Map(q.qtf);
    for (const [t, f] of ctx.qtf) if (!merged.has(t)) merged.set(t, CONTEXT_QF * f);
    const wide = { ...q, qtf: merged };
    const have = new Set(cands.map((c) => c.claim));
    for (const c of candidates(index, wide, CONTEXT_POOL, QUERY_DF_SHARE, CONTEXT_POOL))
      if (!have.has(c.claim)) {
        have.add(c.claim);
        cands.push(c);
      }
  }
  const bestBm25 = cands[0]?.bm25 ?? 0;
  const out: ScoredClaim[] = [];
  const details = cands.map((cand, rank) =>
    pairFeatures(index, q, cand.claim, ctx, bestBm25, rank),
  );
  listwise(details.map((d) => d.features));
  for (let rank = 0; rank < cands.length; rank++) {
    const cand = cands[rank] as (typeof cands)[number];
    const d = details[rank] as (typeof details)[number];
    let score = scorePair(d.features, model);
    const prio = index.priority[cand.claim] ?? 0;
    // Checked once per candidate, only when a rule needs it. A holder, not a closure per
    // candidate: under tsx (bench/match.ts, the CLIs) each closure made is also named, which
    // was 4% of the bench article's matching.
    const names = new LazyNames(index, q, ctx, doc, d.unit);
    if (prio > 0) {
      // Curated claims (priority > 0) are written to be matched: when the
      // sentence states nearly all of one wording (its numbers included) with
      // at least four shared terms, that is the claim. The benchmark's terse
      // fact-check summaries do not allow this rule (measured: ~35% precision),
      // so it applies to curated claims only.
      // A wording is stated whole only with its names: the boost needs them all.
      const shared = Math.exp(d.features[F.matched] ?? 0) - 1;
      if (
        !d.numConflict &&
        d.features[F.numMissing] === 0 &&
        shared >= 3.5 &&
        namesAgree(names.get())
      ) {
        const coverage = Math.min(
          1,
          (d.features[F.covClaim] ?? 0) + 0.5 * Math.max(0, d.features[F.ctxGain] ?? 0),
        );
        // From coverage 0.6 (the annotate threshold) up to 1 (certain),
        // whatever the learned threshold is after retraining.
        const t = model.thresholds.annotate;
        if (coverage >= 0.6) score = Math.max(score, t + ((1 - t) * (coverage - 0.6)) / 0.4);
      }
      score = Math.min(1, score + PRIORITY_BONUS * prio);
    }
    let band = bandOf(score, model);
    // Names: a curated claim's wording names its actors by design, so a sentence must
    // name them too (namesAgree); a fact-checker's summary adds names for context that a
    // restatement often leaves out (2a dev: 4 in 10 right top-1 matches miss one), so
    // there only another actor in the subject's stead vetoes (subjectReplaced).
    // Hard rules: a different number is a different claim; short or generic
    // sentences stay unmarked whatever their score.
    if (band === 'annotate') {
      // The best unit's numbers conflict, and no unit shares a number of the same kind.
      const numConflict = d.numConflict && numbersDisagree(index, q, cand.claim);
      if (vetoed(index, q, cand.claim, names, numConflict)) band = 'possible';
    }
    out.push({ claim: cand.claim, score, band, matched: [], features: d.features, unit: d.unit });
  }
  out.sort((a, b) => b.score - a.score);
  if (out.length > top) out.length = top;
  for (const r of out) r.matched = matchedTokens(index, q, r.unit);
  return out;
}

/**
 * The hard rules, whatever the score: a different number is a different claim, a sentence
 * too short or generic states none, and the names rules hold (curated claims: all their
 * actors; dataset claims: no other actor in the subject's stead). `names` is asked only
 * when the other rules pass.
 */
function vetoed(
  index: ClaimIndexCore,
  q: PreparedQuery,
  claim: number,
  names: LazyNames,
  numConflict: boolean,
): boolean {
  if (numConflict || q.length < MIN_CONTENT_TERMS) return true;
  return (index.priority[claim] ?? 0) > 0
    ? !namesAgree(names.get())
    : subjectReplaced(index, q, names.get(), claim);
}

/** One candidate's names check, computed on first ask. */
class LazyNames {
  private check: NameCheck | undefined;
  constructor(
    private readonly index: ClaimIndexCore,
    private readonly q: PreparedQuery,
    private readonly ctx: Pick<PreparedQuery, 'qtf'> | null,
    private readonly doc: ReadonlyMap<number, number> | null,
    private readonly unit: number,
  ) {}
  get(): NameCheck {
    return (this.check ??= checkNames(this.index, this.q, this.ctx, this.doc, this.unit));
  }
}

/**
 * The same rules for a candidate under the annotate threshold, where rankPrepared does not
 * check them (the semantic pass asks, lib/match/semantic-candidates.ts).
 */
export function hardGatesHold(
  index: ClaimIndexCore,
  q: PreparedQuery,
  r: Pick<ScoredClaim, 'claim' | 'unit'>,
  doc: ReadonlyMap<number, number> | null,
): boolean {
  const names = new LazyNames(index, q, null, doc, r.unit);
  return !vetoed(index, q, r.claim, names, numbersDisagree(index, q, r.claim));
}

/** The words and numbers of the query that the claim shares, as written. */
export function evidenceOf(q: PreparedQuery, text: string, matched: number[]): Evidence {
  const terms: string[] = [];
  const numbers: string[] = [];
  for (const k of matched) {
    const tok = q.tokens[k];
    if (!tok) continue;
    const surface = text.slice(tok.start, tok.end);
    const list = tok.kind === 'number' ? numbers : terms;
    if (!list.includes(surface)) list.push(surface);
  }
  return { terms, numbers };
}
