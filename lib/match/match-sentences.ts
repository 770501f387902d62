import type { Band, Match, QueryContext, Sentence, Strictness } from '../types';
import type { ClaimIndexCore } from './index-core';
import { F } from './features';
import { numbersDisagree } from './number-agreement';
import { MODEL } from './model';
import type { PreparedQuery } from './prepare-query';
import { evidenceOf, type ScoredClaim } from './rank-prepared';
import type { BlockHit } from './match-blocks';
import { rankingsOf, type Alone } from './rankings';

export { PAGE_POOL } from './rankings';

/** At most this many distinct claims are marked on one sentence. */
const MAX_PER_SENTENCE = 3;
/** Two matches sharing this share of their evidence tokens are near-duplicates. */
const DUPLICATE_OVERLAP = 0.5;

/**
 * A candidate's band where it is shown. On a page (no speaker) most sentences state no
 * checked claim, so the marked band starts at the page threshold (fitted on the train
 * tweets read as one page, scripts/train-weights.ts); below it an `annotate` score is a
 * possible match, shown at Broad only.
 */
function bandAt(s: ScoredClaim, page: boolean): Band | null {
  return page && s.band === 'annotate' && s.score < MODEL.thresholds.page ? 'possible' : s.band;
}

function passes(s: ScoredClaim, strictness: Strictness, page: boolean): boolean {
  const band = bandAt(s, page);
  if (strictness === 'broad') return band === 'annotate' || band === 'possible';
  if (band !== 'annotate') return false;
  return strictness === 'strict' ? s.score >= MODEL.thresholds.strict : true;
}

/** The lowest score a band of this strictness starts at. */
function floorOf(strictness: Strictness, page: boolean): number {
  const t = MODEL.thresholds;
  if (strictness === 'broad') return t.possible;
  return strictness === 'strict' ? t.strict : page ? t.page : t.annotate;
}

function overlap(a: number[], b: number[]): number {
  const sb = new Set(b);
  let inter = 0;
  for (const x of a) if (sb.has(x)) inter++;
  const union = a.length + b.length - inter;
  return union ? inter / union : 0;
}

const CLAUSE_BREAK = /[,;:\u2013\u2014]/g;

/**
 * The clause of a sentence that carries the claim's numbers, when another
 * clause carries a different one: "…annexed Donetsk, … Kherson regions in
 * 2022, as well as Crimea in 2014." marks "as well as Crimea in 2014" for a
 * 2014 claim. Clauses split at , ; : and dashes; starting from the clauses
 * with the claim's matched numbers, the span grows over neighbouring clauses
 * until one holds a number the claim does not. Returns [start, end) in the
 * sentence, or null when there is nothing to narrow (no foreign number, a foreign
 * number inside the claim's own clauses, or none of the claim's words in the span).
 */
export function numberClause(
  text: string,
  q: PreparedQuery,
  matched: readonly number[],
): [number, number] | null {
  const own = new Set(matched);
  const breaks: number[] = [];
  for (const m of text.matchAll(CLAUSE_BREAK)) breaks.push(m.index);
  if (breaks.length === 0) return null;
  const clauseOf = (pos: number): number => {
    let c = 0;
    while (c < breaks.length && (breaks[c] as number) < pos) c++;
    return c;
  };
  const foreign = new Set<number>();
  let lo = Infinity;
  let hi = -1;
  q.tokens.forEach((t, k) => {
    if (t.kind !== 'number') return;
    const c = clauseOf(t.start);
    if (own.has(k)) {
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    } else foreign.add(c);
  });
  if (hi < 0 || foreign.size === 0) return null;
  for (let c = lo; c <= hi; c++) if (foreign.has(c)) return null;
  while (lo > 0 && !foreign.has(lo - 1)) lo--;
  while (hi < breaks.length && !foreign.has(hi + 1)) hi++;
  let a = lo === 0 ? 0 : (breaks[lo - 1] as number) + 1;
  let b = hi >= breaks.length ? text.length : (breaks[hi] as number);
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /[\s.!?"'\u201d\u2019)]/.test(text[b - 1] ?? '')) b--;
  // A clause holding the claim's number but none of its words is a date or a figure on its
  // own ("October 18, 2018" after a tweet): the claim is stated in the rest, so no narrowing.
  const words = matched.some((k) => {
    const t = q.tokens[k];
    return t !== undefined && t.kind !== 'number' && t.start >= a && t.end <= b;
  });
  return words && b > a && (a > 0 || b < text.length) ? [a, b] : null;
}

/**
 * Without a speaker (a news page, not a transcript), context may rank claims but not create
 * a mark: a candidate is kept only if the sentence without its neighbours and without the
 * page date still scores it in the same band (names the page has used elsewhere still count). On news pages the page's date and the sentences around an
 * on-topic sentence lifted sentences that merely mention a subject ("Washington has been
 * holding good conversations with Kyiv") or share a name and a date with an old rumour
 * ("WWE terminates Hulk Hogan's contract") over the annotate threshold. With a speaker (a
 * transcript), who said it and when are evidence the model was trained on, and stay in.
 * Cost: one extra ranking, only for sentences that already have a passing candidate.
 */
function standsAlone(
  index: ClaimIndexCore,
  { q, alone }: Alone,
  ranked: ScoredClaim[],
  strictness: Strictness,
): ScoredClaim[] {
  const kept: ScoredClaim[] = [];
  for (const r of ranked) {
    const b = alone.get(r.claim);
    // A different number is a different claim ("about 11 percent" is not "20 percent").
    // The score alone is checked: the name rules already passed with the neighbours in view.
    // The mark carries the lower of the two scores: the one its decision rests on.
    if (b && b.score >= floorOf(strictness, true) && !numbersDisagree(index, q, r.claim))
      kept.push({ ...r, score: Math.min(r.score, b.score) });
  }
  return kept;
}

/**
 * A claim marked on adjacent sentences is marked where it is stated. In a run of
 * adjacent sentences marked with the same claim, a sentence covering less than
 * this share of the run's best coverage of the claim got its mark from its
 * neighbours' words ("It is because, in this country, money buys influence."
 * after the gun-violence figure it follows) and loses it; the claim stays
 * marked where it is stated. Read on the train transcripts: of the 27 marks
 * 0.5 removes, about two in three state nothing of their claim, the rest a
 * minor part of it; on dev it removes 3 of 44 (two neighbours that state
 * nothing, one that states the question before a claim's figure).
 */
export const NEIGHBOUR_SHARE = 0.5;

/**
 * The marks (in sentence order) without those a neighbour earned; `coverage`
 * is each mark's coverage of its claim by the sentence alone. A run stays inside
 * one paragraph (`blockOf`): the next paragraph is a statement of its own (two
 * adjacent tweets about one rumour each state it).
 */
export function whereStated(
  marks: Match[],
  coverage: ReadonlyMap<Match, number>,
  blockOf: (sentence: number) => number | undefined = () => undefined,
): Match[] {
  const byClaim = new Map<number, Match[]>();
  for (const m of marks) {
    let list = byClaim.get(m.row);
    if (!list) byClaim.set(m.row, (list = []));
    list.push(m);
  }
  const drop = new Set<Match>();
  for (const list of byClaim.values()) {
    // Marks arrive in sentence order: split into runs of adjacent sentences.
    let a = 0;
    while (a < list.length) {
      let b = a + 1;
      const joins = (m: Match, prev: Match): boolean =>
        m.sentence - prev.sentence <= 1 && blockOf(m.sentence) === blockOf(prev.sentence);
      while (b < list.length && joins(list[b] as Match, list[b - 1] as Match)) b++;
      const run = list.slice(a, b);
      const best = Math.max(...run.map((m) => coverage.get(m) ?? 0));
      for (const m of run) if ((coverage.get(m) ?? 0) < NEIGHBOUR_SHARE * best) drop.add(m);
      a = b;
    }
  }
  return drop.size ? marks.filter((m) => !drop.has(m)) : marks;
}

/**
 * Match every sentence of one document (in reading order). Each sentence is
 * ranked with its neighbours as context; marks at the requested strictness
 * are returned in sentence order. A sentence can carry several distinct
 * claims; near-duplicate claims (same evidence) yield one mark, preferring the
 * higher priority, then the higher score. When a sentence carries more than one
 * claim, each mark is narrowed to the words that carry that claim.
 * A claim marked on adjacent sentences stays only where it is stated
 * (whereStated).
 *
 * Cost: one tokenisation per sentence plus candidate generation; sentences
 * too short to be marked are tokenised but not ranked.
 */
export function matchSentences(
  index: ClaimIndexCore,
  sentences: readonly Pick<Sentence, 'text' | 'block'>[],
  ctx: QueryContext = {},
  opts: { strictness?: Strictness; set?: string } = {},
): Match[] {
  const strictness = opts.strictness ?? 'balanced';
  const work = rankingsOf(index, sentences, ctx);
  const { prepared } = work;
  const out: Match[] = [];
  const coverage = new Map<Match, number>();
  const page = !ctx.speaker;
  const blockHits = new Map<number, BlockHit[]>();
  for (const h of work.blockHits)
    if (passes(h.r, strictness, page)) {
      let list = blockHits.get(h.sentence);
      if (!list) blockHits.set(h.sentence, (list = []));
      list.push(h);
    }
  for (let i = 0; i < sentences.length; i++) {
    const q = prepared[i] as PreparedQuery;
    const sentence = sentences[i] as Pick<Sentence, 'text'>;
    const fromBlock = blockHits.get(i) ?? [];
    const marked = new Set<number>();
    const before = out.length;
    let ranked = (work.ranked[i] ?? []).filter((s) => passes(s, strictness, page));
    if (page && ranked.length > 0) ranked = standsAlone(index, work.aloneOf(i), ranked, strictness);
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
      let start = 0;
      let end = sentence.text.length;
      const clause = numberClause(sentence.text, q, r.matched);
      if (clause) {
        start = clause[0];
        end = clause[1];
      } else if (kept.length > 1) {
        // Narrow to this claim's own evidence (tokens no other kept claim uses).
        const others = new Set(kept.filter((k) => k !== r).flatMap((k) => k.matched));
        const own = r.matched.filter((k) => !others.has(k));
        const span = own.length > 0 ? own : r.matched;
        const toks = span.map((k) => q.tokens[k]).filter((t) => t !== undefined);
        if (toks.length > 0) {
          start = Math.min(...toks.map((t) => t.start));
          end = Math.max(...toks.map((t) => t.end));
        }
      }
      const m: Match = {
        sentence: i,
        start,
        end,
        set: opts.set ?? '',
        row: r.claim,
        score: r.score,
        band: bandAt(r, page) ?? 'possible',
        evidence: evidenceOf(q, sentence.text, r.matched),
      };
      out.push(m);
      marked.add(r.claim);
      coverage.set(m, r.features[F.covClaim] ?? 0);
    }
    for (const h of fromBlock) {
      if (marked.has(h.r.claim)) {
        // Both readings found this claim here: the mark rests on the surer one (a sentence's
        // own score is the lower of with and without its neighbours; its paragraph read as
        // one statement may state the claim whole).
        const m = out.slice(before).find((x) => x.row === h.r.claim);
        if (m && h.r.score > m.score) {
          m.score = h.r.score;
          m.band = bandAt(h.r, page) ?? m.band;
        }
        continue;
      }
      if (out.length - before >= MAX_PER_SENTENCE) continue;
      marked.add(h.r.claim);
      const m: Match = {
        sentence: i,
        start: 0,
        end: sentence.text.length,
        set: opts.set ?? '',
        row: h.r.claim,
        score: h.r.score,
        band: bandAt(h.r, page) ?? 'possible',
        evidence: evidenceOf(h.q, h.text, h.matched),
      };
      out.push(m);
      coverage.set(m, h.r.features[F.covClaim] ?? 0);
    }
  }
  return whereStated(out, coverage, (i) => sentences[i]?.block);
}
