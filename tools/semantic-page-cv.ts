/**
 * The semantic pass on pages measured by grouped cross-validation (issue 11), shared by
 * scripts/fit-semantic-page.ts (which also fits lib/semantic/page-weights.json) and
 * `npm run eval`. Pages: the 2a train and dev tweets, each split read as one page with that
 * task's claims (as `npm run scan` reads a claims file), and the saved news pages with the
 * bundled set. Folds: the train tweets in 4 groups by tweet, dev as a 5th; news pages dealt
 * into 5 by page. In each fold the logistic model and its threshold are fitted on the other
 * folds only. The lexical marks (page threshold as shipped) are counted beside, so the
 * figures show what the semantic pass adds. Paragraph vectors are cached in cache/semantic/
 * (gitignored), claim vectors in data/semantic/.
 */
import { join } from 'node:path';
import { buildIndex } from '../lib/match/matcher';
import { claimEmbeddingText, embeddingText } from '../lib/semantic/claim-text';
import type { UseEncoder } from '../lib/semantic/use-encoder';
import { readClaimSetDir } from './claim-set-files';
import { setRecords } from './claim-vectors';
import { bundledIndex, newsPages, pageFigures, scanTweetPage } from './page-mode';
import { readClaimsFile } from './read-claims';
import { loadNodeEncoder } from './semantic-node';
import { decide, fitPageModel, newsRows, tweetRows, Vectors, type SemRow } from './semantic-page';
import { loadQrels, loadQueries, taskDir } from './train-data';

export async function semanticPageCv(): Promise<{
  figures: Record<string, unknown>;
  rows: SemRow[];
  dispose: () => Promise<void>;
}> {
  const t0 = performance.now();
  const claims2a = readClaimsFile(join(taskDir('2a'), 'claims.jsonl'));
  const idx2a = buildIndex(claims2a);
  const bundled = bundledIndex();
  const texts = new Map(claims2a.map((c) => [c.id, embeddingText(c.text, c.title)]));
  for (const r of await setRecords(
    readClaimSetDir(join(import.meta.dirname, '..', 'public', 'claims')),
  ))
    texts.set(r.id, claimEmbeddingText(r));
  const claimText = (id: string): string => texts.get(id) ?? '';

  let enc: Promise<UseEncoder> | undefined;
  const vectors = new Vectors(() => (enc ??= loadNodeEncoder()));
  const splits = (['train', 'dev'] as const).map((split) => {
    const tweets = loadQueries('2a', split);
    const qrels = loadQrels('2a', split);
    return {
      split,
      tweets,
      rows: tweetRows(tweets, qrels, idx2a),
      lexical: scanTweetPage(tweets, qrels, idx2a),
    };
  });
  const pages = newsPages();
  const news = newsRows(pages, bundled);
  const rows: SemRow[] = [...splits.flatMap((s) => s.rows), ...news];
  console.error(
    `${rows.length} candidate paragraphs (${news.length} on news pages); embedding what is new`,
  );
  await vectors.cosines(rows, claimText, bundled.src.ids);

  const train = splits[0]?.tweets ?? [];
  const foldOfTweet = new Map<string, number>();
  train.forEach((q, i) => foldOfTweet.set(q.id, i % 4));
  for (const q of splits[1]?.tweets ?? []) foldOfTweet.set(q.id, 4);
  const newsFold = new Map(pages.map((p, i) => [p.name, i % 5]));
  const foldOf = (r: SemRow): number =>
    (r.news ? newsFold.get(r.group) : foldOfTweet.get(r.group)) ?? -1;

  const held: ReturnType<typeof decide> = [];
  const thresholds: number[] = [];
  for (let f = 0; f < 5; f++) {
    const m = fitPageModel(rows.filter((r) => foldOf(r) !== f && foldOf(r) >= 0));
    thresholds.push(m.threshold);
    held.push(
      ...decide(
        rows.filter((r) => foldOf(r) === f),
        m,
      ).filter((d) => d.p >= m.threshold),
    );
  }
  const nTweets = splits.reduce((n, s) => n + s.tweets.length, 0);
  const lexical = splits.flatMap((s) => s.lexical);
  const lex = pageFigures(lexical, nTweets);
  const semTweets = held.filter((d) => !d.row.news);
  const rightTweets = new Set([
    ...lexical.filter((m) => m.right).map((m) => m.tweet),
    ...semTweets.filter((d) => d.right).map((d) => d.row.group),
  ]);
  const marks = lexical.length + semTweets.length;
  const right = lexical.filter((m) => m.right).length + semTweets.filter((d) => d.right).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const figures = {
    tweets: nTweets,
    candidates: rows.length - news.length,
    newsCandidates: news.length,
    lexical: lex,
    semantic: {
      marks: semTweets.length,
      right: semTweets.filter((d) => d.right).length,
      newsMarks: held.filter((d) => d.row.news).length,
      thresholds,
    },
    combined: { marks, precision: round(right / marks), recall: round(rightTweets.size / nTweets) },
    dev: (() => {
      const devLex = splits[1]?.lexical ?? [];
      const devSem = semTweets.filter((d) => foldOfTweet.get(d.row.group) === 4);
      const n = splits[1]?.tweets.length ?? 1;
      const ok = new Set([
        ...devLex.filter((m) => m.right).map((m) => m.tweet),
        ...devSem.filter((d) => d.right).map((d) => d.row.group),
      ]);
      const mk = devLex.length + devSem.length;
      const r = devLex.filter((m) => m.right).length + devSem.filter((d) => d.right).length;
      return {
        lexical: pageFigures(devLex, n),
        marks: mk,
        precision: round(r / mk),
        recall: round(ok.size / n),
      };
    })(),
    seconds: Math.round((performance.now() - t0) / 1000),
  };
  return { figures, rows, dispose: async () => (enc ? (await enc).dispose() : undefined) };
}
