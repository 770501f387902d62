/**
 * The semantic pass measured on the pages of page mode (tools/page-mode.ts), in Node: the
 * 2a tweets read as one page (each candidate judged by the qrels of its tweet) and the saved
 * news pages with the bundled set (every candidate taken as false). Shared by
 * scripts/fit-semantic-page.ts (which fits lib/semantic/page-weights.json) and
 * `npm run eval` (its grouped CV).
 */
import { join } from 'node:path';
import type { ClaimIndex } from '../lib/match/matcher';
import { semanticCandidates, type SemanticCandidate } from '../lib/match/semantic-candidates';
import { bestOf, PAGE_FEATURES, pageFeatures, type PageModel } from '../lib/semantic/page-decision';
import { statementEmbeddingText } from '../lib/semantic/claim-text';
import { closenessOf, closenessToClaims, cosineAll } from '../lib/semantic/vectors';
import type { UseEncoder } from '../lib/semantic/use-encoder';
import {
  BUNDLED_VECTOR_CACHE,
  cachedRow,
  CLAIM_VECTOR_CACHE,
  tableFor,
  fillCache,
  floatRow,
  readKeyedVectors,
  type KeyedVectors,
} from './claim-vectors';
import { fitLogistic } from './semantic-fit';
import { lowestThreshold, PAGE_PRECISION, silentAbove, tweetPageHtml } from './page-mode';
import { readPageSentences } from './scan-page';
import type { BenchQuery } from './train-data';

/** Page paragraphs' vectors (gitignored cache; claims use the committed claim cache). */
const BLOCK_CACHE = join(import.meta.dirname, '..', 'cache', 'semantic', 'page-blocks.fmk');

/** One candidate paragraph with what the fit needs. */
export interface SemRow {
  /** The tweet id (or news page name) the paragraph belongs to; '' when none. */
  group: string;
  news: boolean;
  cand: SemanticCandidate;
  /** Per hit: its claim id, whether it is right, its cosine with the paragraph and margin. */
  claims: string[];
  right: boolean[];
  cos: number[];
  /** The cosine minus the highest of any other claim of the set (page-decision.ts). */
  margin: number[];
}

/** Candidates of one page, as the extension finds them (lexical marks at Balanced first). */
export function pageCandidates(
  html: string,
  index: ClaimIndex,
): { cands: SemanticCandidate[]; texts: string[] } {
  const { sentences, date } = readPageSentences(html);
  return {
    cands: semanticCandidates(index, sentences, { date }, Infinity),
    texts: sentences.map((s) => s.text),
  };
}

export class Vectors {
  readonly blocks: KeyedVectors = readKeyedVectors(BLOCK_CACHE);
  readonly claims: KeyedVectors = readKeyedVectors(CLAIM_VECTOR_CACHE);
  private readonly bundled: KeyedVectors = readKeyedVectors(BUNDLED_VECTOR_CACHE);
  constructor(private readonly enc: () => Promise<UseEncoder>) {}

  /**
   * Fills both caches for these rows (embedding what is new), then sets each row's cosines
   * and margins (each paragraph against every claim of its set, as the extension's worker).
   */
  async cosines(
    rows: SemRow[],
    claimText: (id: string) => string,
    bundledIds: readonly string[],
  ): Promise<void> {
    const enc = await this.enc();
    const embed = (t: readonly string[]) => enc.embed(t);
    const log = (s: string) => console.error(s);
    // What the model reads of each paragraph, as the extension's worker reads it.
    const texts = rows.map((r) => statementEmbeddingText(r.cand.text));
    await fillCache(texts, this.blocks, embed, { path: BLOCK_CACHE, log });
    // Bundled claims the committed cache lacks are in BUNDLED_VECTOR_CACHE already.
    await fillCache(
      rows.flatMap((r) => r.claims.map(claimText)).filter((t) => !cachedRow(this.bundled, t)),
      this.claims,
      embed,
      { path: CLAIM_VECTOR_CACHE, log },
    );
    const both: KeyedVectors = {
      dim: this.claims.dim,
      rows: new Map([...this.bundled.rows, ...this.claims.rows]),
    };
    const bundled = tableFor(bundledIds.map(claimText), both);
    if (!bundled)
      throw new Error('bundled claims: a claim has no cached vector (scripts/embed-all.sh)');
    const bundledRow = new Map(bundledIds.map((id, i) => [id, i]));
    // A tweet's claims are a claims file's (`npm run scan -- --claims`, an import or a feed in
    // the extension): read against the bundled claims as rivals, their own copies left out.
    const claim = (id: string) => {
      const k = cachedRow(both, claimText(id));
      if (!k) throw new Error(`tweet claims: ${id} has no cached vector`);
      return floatRow(k);
    };
    rows.forEach((r, i) => {
      const b = cachedRow(this.blocks, texts[i] ?? '');
      const para = b ? floatRow(b) : new Float32Array(bundled.dim);
      const all = cosineAll(bundled, para);
      const close = r.news
        ? closenessOf(
            all,
            r.claims.map((id) => bundledRow.get(id) ?? -1),
          )
        : closenessToClaims(
            bundled,
            all,
            para,
            r.claims.map((id) => claim(id)),
          );
      r.cos = close.cos;
      r.margin = close.margin;
    });
  }
}

/** The tweets as one page: every candidate paragraph, judged by its tweet's qrels. */
export function tweetRows(
  tweets: readonly BenchQuery[],
  qrels: ReadonlyMap<string, ReadonlySet<string>>,
  index: ClaimIndex,
): SemRow[] {
  const { cands, texts } = pageCandidates(tweetPageHtml(tweets), index);
  return cands.map((cand) => {
    const at = texts[cand.hits[0]?.sentence ?? 0] ?? '';
    const owner = tweets.find((q) => q.text.includes(at));
    const claims = cand.hits.map((h) => index.src.ids[h.r.claim] ?? '');
    const rel = qrels.get(owner?.id ?? '');
    return {
      group: owner?.id ?? '',
      news: false,
      cand,
      claims,
      right: claims.map((c) => !!rel?.has(c)),
      cos: [],
      margin: [],
    };
  });
}

export function newsRows(
  pages: readonly { name: string; html: string }[],
  index: ClaimIndex,
): SemRow[] {
  return pages.flatMap((p) =>
    pageCandidates(p.html, index).cands.map((cand) => {
      const claims = cand.hits.map((h) => index.src.ids[h.r.claim] ?? '');
      const right = claims.map(() => false);
      return { group: p.name, news: true, cand, claims, right, cos: [], margin: [] };
    }),
  );
}

/** Each row's best candidate under `m` (the extension's own choice, bestOf): its probability and whether it is right. */
export function decide(
  rows: readonly SemRow[],
  m: PageModel,
): { row: SemRow; p: number; right: boolean }[] {
  return rows.map((row) => {
    const best = bestOf(row.cand, row, m);
    const k = best ? row.cand.hits.indexOf(best.hit) : -1;
    return { row, p: best?.p ?? 0, right: row.right[k] ?? false };
  });
}

/**
 * How far above the loudest news paragraph the threshold stays. The fit reads cached int8
 * paragraph vectors; the extension embeds with float16 weights and reads its page in batches:
 * a news headline just under the threshold of 0.796 in the fit (0.7955-0.796) reached it in
 * the browser and in `npm run scan --semantic`, and was marked. And a page the fit never saw
 * has its own loudest paragraph: at 0.01, a news headline of a held-out fold of the page CV
 * (tools/semantic-page-cv.ts) passed its fold's threshold; at 0.02 none does, and the tweets
 * keep all their semantic marks (9 of 9 right), so the margin is 0.02.
 */
export const SILENCE_MARGIN = 0.02;

/**
 * Fits the model on these rows: a logistic over every (paragraph, candidate) pair, then the
 * threshold as the page threshold is fitted: the higher of the lowest probability at which
 * the tweets' semantic marks reach PAGE_PRECISION and the lowest above every news page's
 * (by SILENCE_MARGIN).
 */
export function fitPageModel(rows: readonly SemRow[]): PageModel {
  const X: number[][] = [];
  const y: number[] = [];
  for (const r of rows)
    pageFeatures(r.cand.hits, r).forEach((f, k) => {
      X.push(f);
      y.push(r.right[k] ? 1 : 0);
    });
  const lr = fitLogistic(X, y);
  const m: PageModel = { features: [...PAGE_FEATURES], ...lr, threshold: 1 };
  const judged = decide(rows, m);
  const tweets = judged.filter((d) => !d.row.news).map((d) => ({ score: d.p, right: d.right }));
  const byTweets = lowestThreshold(tweets, PAGE_PRECISION, 10);
  const bySilence = silentAbove(judged.filter((d) => d.row.news).map((d) => d.p)) + SILENCE_MARGIN;
  return { ...m, threshold: Math.round(Math.max(byTweets, bySilence) * 1000) / 1000 };
}
