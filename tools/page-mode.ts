/**
 * Page mode measured on two kinds of real page, through the extension's own extraction and
 * matcher (scanPage):
 *  - real wordings of checked claims: the CheckThat! 2a tweets of a split laid out as one
 *    page, one paragraph per tweet, each mark judged by the qrels of the tweet it falls in;
 *  - ordinary news pages (../shared/data/news-pages) with the bundled set, where every
 *    mark is taken as false (they are not about checked claims; the few that may repeat
 *    one are read by hand in the test that bounds them).
 * Shared by `npm run eval` (the page-mode figures) and scripts/train-weights.ts (the page
 * threshold).
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimIndex } from '../lib/match/matcher';
import type { Strictness } from '../lib/types';
import { hasClaimSetDir, readClaimSetDir } from './claim-set-files';
import { scanPage } from './scan-page';
import { DATA_DIR, type BenchQuery } from './train-data';

/** The bundled claim set's index (public/claims, compiled first when missing). */
export function bundledIndex(): ClaimIndex {
  if (!hasClaimSetDir(BUNDLED))
    execSync('npm run --silent claims:build', { stdio: ['ignore', 'ignore', 'inherit'] });
  return readClaimSetDir(BUNDLED).index;
}

const BUNDLED = join(import.meta.dirname, '..', 'public', 'claims');

/** The saved news pages, by name, in name order. */
export function newsPages(): { name: string; html: string }[] {
  const dir = join(DATA_DIR, 'news-pages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((n) => existsSync(join(dir, n, 'source.html')))
    .map((name) => ({ name, html: readFileSync(join(dir, name, 'source.html'), 'utf8') }));
}

/** Every mark on each news page (all taken as false). */
export function scanNewsPages(
  pages: readonly { name: string; html: string }[],
  index: ClaimIndex,
): { page: string; claim: string; score: number; text: string }[] {
  return pages.flatMap((p) => scanPage(p.html, index).map((m) => ({ page: p.name, ...m })));
}

/**
 * The lowest threshold (to 0.001) above which the negative pages' marks number at most
 * `allowed`: a page mark must be surer than what ordinary pages reach.
 */
export function silentAbove(scores: readonly number[], allowed = 0): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const top = sorted[allowed];
  return top === undefined ? 0 : Math.ceil((top + 1e-9) * 1000) / 1000;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The tweets as one HTML page, one <p> each, in the given order. */
export function tweetPageHtml(tweets: readonly BenchQuery[]): string {
  const body = tweets.map((q) => `<p>${escapeHtml(q.text)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Tweets</title></head><body><article>\n${body}\n</article></body></html>`;
}

export interface JudgedPageMark {
  claim: string;
  score: number;
  /** The qrels pair the tweet holding the mark with its claim. */
  right: boolean;
  /** Id of the tweet holding the mark ('' when its text is found in none). */
  tweet: string;
}

/** Scan the tweets as one page and judge every mark. */
export function scanTweetPage(
  tweets: readonly BenchQuery[],
  qrels: ReadonlyMap<string, ReadonlySet<string>>,
  index: ClaimIndex,
  strictness: Strictness = 'balanced',
): JudgedPageMark[] {
  // A mark lies inside one tweet's paragraph: the page holds one block per tweet, in order
  // (a mark's text alone does not tell: a span such as "2018" is in many tweets).
  return scanPage(tweetPageHtml(tweets), index, strictness).map((m) => {
    const byBlock = m.block === undefined ? undefined : tweets[m.block];
    const owner = byBlock?.text.includes(m.text)
      ? byBlock
      : tweets.find((q) => q.text.includes(m.text));
    return {
      claim: m.claim,
      score: m.score,
      right: !!owner && !!qrels.get(owner.id)?.has(m.claim),
      tweet: owner?.id ?? '',
    };
  });
}

export interface PageFigures {
  tweets: number;
  marks: number;
  precision: number;
  /** Tweets with a right mark / tweets. */
  recall: number;
}

/** Precision and recall of the marks at or above `threshold`. */
export function pageFigures(
  marks: readonly JudgedPageMark[],
  tweets: number,
  threshold = -Infinity,
): PageFigures {
  const kept = marks.filter((m) => m.score >= threshold);
  const right = kept.filter((m) => m.right);
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    tweets,
    marks: kept.length,
    precision: round(kept.length ? right.length / kept.length : 0),
    recall: round(tweets ? new Set(right.map((m) => m.tweet)).size / tweets : 0),
  };
}

/**
 * The lowest threshold whose marks (score >= it) reach `target` precision over at least
 * `minMarks` marks; the most precise such cut when none does. Ties are never split.
 */
export function lowestThreshold(
  marks: readonly { score: number; right: boolean }[],
  target: number,
  minMarks = 20,
): number {
  const sorted = [...marks].sort((a, b) => b.score - a.score);
  let right = 0;
  let t = NaN;
  let bestP = -1;
  let bestT = 1;
  sorted.forEach((s, k) => {
    if (s.right) right++;
    if (k + 1 < minMarks) return;
    const next = sorted[k + 1];
    if (next && next.score === s.score) return;
    const prec = right / (k + 1);
    if (prec >= target) t = s.score;
    if (prec > bestP) {
      bestP = prec;
      bestT = s.score;
    }
  });
  return Math.round((Number.isNaN(t) ? bestT : t) * 1000) / 1000;
}

/** Precision the page threshold must reach on training tweets (scripts/train-weights.ts). */
export const PAGE_PRECISION = 0.9;

/** The page threshold rule: the higher of the tweets' precision bound and news silence. */
export function fitPageThreshold(
  tweetMarks: readonly JudgedPageMark[],
  newsScores: readonly number[],
): { threshold: number; byTweets: number; bySilence: number } {
  const byTweets = lowestThreshold(tweetMarks, PAGE_PRECISION);
  const bySilence = silentAbove(newsScores);
  return { threshold: Math.max(byTweets, bySilence), byTweets, bySilence };
}

export interface PageCv {
  folds: { threshold: number; tweets: PageFigures; newsMarks: number }[];
  /** Held-out marks of every fold pooled. */
  tweets: PageFigures;
  newsMarks: number;
  newsPages: number;
}

/**
 * Grouped cross-validation of the page decision: the tweets in `folds` (each a group of
 * tweet ids: the train tweets in k groups, dev as one more) and the news pages dealt into
 * as many folds by name; for each fold the threshold is fitted (fitPageThreshold) on the
 * other folds' marks and applied to its own. Marks are scanned once with the page threshold
 * at the annotate threshold and then cut by score (the few marks a higher threshold would
 * let a lower one displace are not re-ranked).
 */
export function pageModeCv(
  tweetMarks: readonly JudgedPageMark[],
  folds: readonly ReadonlySet<string>[],
  news: readonly { page: string; score: number }[],
  newsPageNames: readonly string[],
): PageCv {
  const k = folds.length;
  const newsFold = new Map(newsPageNames.map((n, i) => [n, i % k]));
  const foldOf = (id: string): number => folds.findIndex((f) => f.has(id));
  const out: PageCv['folds'] = [];
  const held: JudgedPageMark[] = [];
  let newsMarks = 0;
  for (let f = 0; f < k; f++) {
    const fit = fitPageThreshold(
      tweetMarks.filter((m) => foldOf(m.tweet) !== f),
      news.filter((m) => newsFold.get(m.page) !== f).map((m) => m.score),
    ).threshold;
    const mine = tweetMarks.filter((m) => foldOf(m.tweet) === f && m.score >= fit);
    const myNews = news.filter((m) => newsFold.get(m.page) === f && m.score >= fit).length;
    held.push(...mine);
    newsMarks += myNews;
    out.push({
      threshold: fit,
      tweets: pageFigures(mine, folds[f]?.size ?? 0),
      newsMarks: myNews,
    });
  }
  const all = folds.reduce((n, f) => n + f.size, 0);
  return {
    folds: out,
    tweets: pageFigures(held, all),
    newsMarks,
    newsPages: newsPageNames.length,
  };
}
