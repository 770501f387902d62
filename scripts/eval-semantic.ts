/**
 * What the semantic channel (USE lite) adds to claim retrieval, by grouped
 * cross-validation over train + dev, dev being one more fold:
 *   2b: train queries in 5 folds by transcript (a debate never straddles
 *       folds), dev (its own debates) the 6th; 2a: train tweets in 5 folds,
 *       dev the 6th. Everything fitted is fitted on the other folds only.
 *
 * Rankers (MAP@5 and P@1, as npm run eval computes them):
 *   bm25        plain BM25 (scripts/bm25-baseline.ts, eval.ts's definition)
 *   factmark    the current ranker, rankQuery (its weights were trained on the
 *               train splits: its train-fold figures are in-sample, dev is not)
 *   use-cosine  USE-lite cosine alone, over every claim
 *   glove       idf-weighted mean GloVe vectors' cosine alone (lib/semantic/word-vectors.ts)
 *   bm25+cos    (1-w)·bm25/max + w·cos, w fitted in the folds (grid)
 *   fm+cos      factmark score + w·cos, w fitted in the folds (grid)
 *   lr-bm25     logistic model over BM25 features, BM25 candidates (nothing in it saw
 *               any fold: with lr-bm25+use, the leak-free measure of what USE adds)
 *   lr-bm25+use the same with the USE cosine features, BM25 and cosine candidates
 *   lr-lex      logistic model over BM25 and factmark features only (lexical candidates)
 *   lr-lex+glove / lr-lex+use / lr-all   the same learner with the GloVe, the USE,
 *               or both channels' features: what each channel adds
 *   +ctx        (2b) also the cosine of the line embedded with the lines either side
 *   +adapter    also a diagonal adapter's score (scripts/semantic-adapter.ts), nested folds
 *   fm-rerank   the factmark ranker's top 20 re-ranked by a logistic model over its score,
 *               rank and the USE cosines (what the extension can run: no BM25, no scan)
 *   lr-all@lex  lr-all re-ranking the lexical candidates only (no scan of every
 *               claim's embedding: what a page could afford)
 * Candidate recall: queries with a relevant claim among each pool's candidates.
 * Candidates of the blends and models: union of BM25, factmark and cosine top 20.
 *
 * Needs the cached tables: scripts/embed-all.sh. FM_NO_ADAPTER=1 skips the adapter. Usage:
 *   npx tsx scripts/eval-semantic.ts [2a|2b]   (both by default; last line JSON)
 * The shipped re-ranker is no longer fm-rerank: it is the hybrid pool of lib/semantic/rerank.ts
 * (the lexical ranker's and BM25's candidates), fitted by scripts/fit-rerank.ts and measured
 * by `npm run eval`; fm-rerank stays here as the earlier 5-feature row of this ablation.
 */
import { createHash } from 'node:crypto';
import { buildIndex, rankQuery } from '../lib/match/matcher';
import { Bm25Scores } from '../tools/bm25-baseline';
import { fitLogistic, logit, rankFigures } from '../tools/semantic-fit';
import { CACHE_DIR, loadTable, semanticTexts } from '../tools/semantic-texts';
import { rowOf, topOf, type Int8Table } from '../lib/semantic/vectors';
import { adapted, fitAdapter, type AdapterQuery } from '../tools/semantic-adapter';
import { WordVectors, vectorTokens } from '../lib/semantic/word-vectors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadClaims,
  loadQrels,
  loadQueries,
  neighboursOf,
  type Split,
  type Task,
} from '../tools/train-data';

const POOL = 20;
const FOLDS = 5;
const log = (...a: unknown[]): void => console.log(...a);

interface Cand {
  claim: number;
  x: number[];
  /** Found by BM25 or the factmark ranker (not only by cosine). */
  lexical: boolean;
  /** q∘c, the query's and claim's USE rows multiplied elementwise (for the adapter). */
  pair: Float32Array;
  /** In BM25's top POOL. */
  bm25: boolean;
  dense: boolean;
}
interface Row {
  id: string;
  fold: number;
  split: Split;
  rel: Set<string>;
  bm25: number[];
  fm: number[];
  cos: number[];
  glove: number[];
  cands: Cand[];
  /** Per candidate: bm25/max, fm score, cos (for the blends). */
  bmNorm: Map<number, number>;
  fmScore: Map<number, number>;
  cosOf: Map<number, number>;
}

export const FEATURES = [
  'bm25/max',
  'ln(1+bm25)',
  '1/(1+bm25 rank)',
  'fm score',
  'fm listed',
  '1/(1+fm rank)',
  'cos',
  'cos-max',
  '1/(1+cos rank)',
  'glove cos',
  'glove cos-max',
  'ctx cos',
  'ctx cos-max',
  'cos-max in fm list',
  '1/(1+cos rank in fm list)',
] as const;
const LEX = [0, 1, 2, 3, 4, 5];
const USE = [...LEX, 6, 7, 8];
const GLOVE = [...LEX, 9, 10];
const CTX = [...USE, 11, 12];
const BM25F = [0, 1, 2];
const BM25_USE = [0, 1, 2, 6, 7, 8];
/** lib/semantic/rerank.ts: the ranker's score and rank with the USE cosines, its own candidates. */
export const FM_USE = [3, 5, 6, 13, 14];
const NO_CTX = FEATURES.map((_, i) => i).filter((i) => i < 11);
const ALL = FEATURES.map((_, i) => i).filter((i) => i < 13);
const GLOVE_FILE = join(CACHE_DIR, 'glove-40000.fmw');

const unit = (id: string): number =>
  parseInt(createHash('sha1').update(id).digest('hex').slice(0, 8), 16) / 2 ** 32;

function prepare(task: Task): Row[] {
  const claims = loadClaims(task);
  const ids = claims.map((c) => c.id);
  const pos = new Map(ids.map((id, i) => [id, i]));
  const index = buildIndex(claims);
  const bm = new Bm25Scores(loadClaims(task, { subtitle: false }));
  const table = loadTable(task, 'claims');
  if (!table) throw new Error(`no ${task} claim embeddings: run scripts/embed-all.sh`);
  if (table.ids.join('\n') !== ids.join('\n')) throw new Error('claim table ids differ');
  const { n, dim, q, scale } = table.table;
  const C = new Float32Array(n * dim);
  for (let i = 0; i < n * dim; i++)
    C[i] = (q[i] as number) * (scale[Math.floor(i / dim)] as number);
  const glove = WordVectors.decode(readFileSync(GLOVE_FILE));
  const claimTexts = claims.map((c) => `${c.text} ${c.title ?? ''}`);
  const df = new Map<string, number>();
  for (const t of claimTexts)
    for (const w of new Set(vectorTokens(t))) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string): number => Math.log(1 + n / (1 + (df.get(w) ?? 0)));
  const GD = glove.dim;
  const G = new Float32Array(n * GD);
  claimTexts.forEach((t, i) => G.set(glove.sentence(t, idf), i * GD));
  /** Cosine of query row `qi` of a table with every claim. */
  const cosines = (t: Int8Table, qi: number): Float32Array => {
    const qv = t.q.subarray(qi * dim, (qi + 1) * dim);
    const qs = t.scale[qi] as number;
    const cos = new Float32Array(n);
    for (let c = 0; c < n; c++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += (C[c * dim + d] as number) * (qv[d] as number);
      cos[c] = s * qs;
    }
    return cos;
  };
  const rows: Row[] = [];
  for (const split of ['train', 'dev'] as Split[]) {
    const qt = loadTable(task, split);
    // 2b: the line with its neighbours, embedded as one text (absent for 2a).
    const qtc = task === '2b' ? loadTable(task, `${split}-ctx`) : undefined;
    if (!qt) throw new Error(`no ${task} ${split} query embeddings: run scripts/embed-all.sh`);
    const qrels = loadQrels(task, split);
    const queries = loadQueries(task, split);
    const qTexts = semanticTexts(task, split).texts;
    // 2b: whole transcripts to folds, greedily balancing query counts.
    const foldOf = new Map<string, number>();
    if (task === '2b' && split === 'train') {
      const count = new Map<string, number>();
      for (const x of queries)
        count.set(x.transcript ?? x.id, (count.get(x.transcript ?? x.id) ?? 0) + 1);
      const load = new Array<number>(FOLDS).fill(0);
      for (const [t, c] of [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
        const f = load.indexOf(Math.min(...load));
        foldOf.set(t, f);
        load[f]! += c;
      }
    }
    queries.forEach((x, qi) => {
      const rel = qrels.get(x.id);
      if (!rel) return;
      const fold =
        split === 'dev'
          ? FOLDS
          : task === '2b'
            ? (foldOf.get(x.transcript ?? x.id) as number)
            : Math.floor(unit(x.id) * FOLDS);
      const bmMap = bm.scores(x.text);
      const bmSorted = [...bmMap].sort((a, b) => b[1] - a[1]);
      const bmRank = new Map(bmSorted.slice(0, 100).map(([c], r) => [c, r]));
      const bmMax = bmSorted[0]?.[1] ?? 1;
      const fmList = rankQuery(
        index,
        { id: x.id, text: x.text, doc: x.transcript, speaker: x.speaker, date: x.date },
        { top: POOL, neighbours: neighboursOf(x) },
      ).map((r) => ({ claim: pos.get(r.claim) as number, score: r.score }));
      const fmRank = new Map(fmList.map((r, k) => [r.claim, k]));
      const fmScore = new Map(fmList.map((r) => [r.claim, r.score]));
      const cos = cosines(qt.table, qi);
      const qRow = rowOf(qt.table, qi);
      const ccos = qtc ? cosines(qtc.table, qi) : cos;
      const ccosMax = ccos[topOf(ccos, 1)[0] as number] as number;
      const cosTop = topOf(cos, 100);
      const cosRank = new Map(cosTop.map((c, r) => [c, r]));
      const cosMax = cos[cosTop[0] as number] as number;
      const gq = glove.sentence(qTexts[qi] ?? '', idf);
      const gcos = new Float32Array(n);
      for (let c = 0; c < n; c++) {
        let s = 0;
        for (let d = 0; d < GD; d++) s += (G[c * GD + d] as number) * (gq[d] as number);
        gcos[c] = s;
      }
      const gTop = topOf(gcos, 5);
      const gMax = gcos[gTop[0] as number] as number;
      const lexSet = new Set([
        ...bmSorted.slice(0, POOL).map(([c]) => c),
        ...fmList.map((r) => r.claim),
      ]);
      const denseSet = new Set(cosTop.slice(0, POOL));
      const candSet = new Set([...lexSet, ...denseSet]);
      const bmNorm = new Map<number, number>();
      const cosOf = new Map<number, number>();
      const cands = [...candSet].map((c) => {
        const b = bmMap.get(c) ?? 0;
        bmNorm.set(c, b / bmMax);
        cosOf.set(c, cos[c] as number);
        const br = bmRank.get(c);
        const fr = fmRank.get(c);
        const cr = cosRank.get(c);
        return {
          claim: c,
          lexical: lexSet.has(c),
          pair: qRow.map((v, d) => v * (C[c * dim + d] as number)),
          bm25: bmRank.has(c) && (bmRank.get(c) as number) < POOL,
          dense: denseSet.has(c),
          x: [
            b / bmMax,
            Math.log1p(b),
            br === undefined ? 0 : 1 / (1 + br),
            fmScore.get(c) ?? 0,
            fr === undefined ? 0 : 1,
            fr === undefined ? 0 : 1 / (1 + fr),
            cos[c] as number,
            (cos[c] as number) - cosMax,
            cr === undefined ? 0 : 1 / (1 + cr),
            gcos[c] as number,
            (gcos[c] as number) - gMax,
            ccos[c] as number,
            (ccos[c] as number) - ccosMax,
          ],
        };
      });
      // The cosine's gap and rank within the ranker's own list (0 off the list).
      const listed = cands
        .filter((k) => k.x[4] === 1)
        .sort((a, b) => (b.x[6] as number) - (a.x[6] as number));
      const listMax = (listed[0]?.x[6] as number | undefined) ?? 0;
      for (const k of cands) {
        const r = listed.indexOf(k);
        k.x.push(r < 0 ? 0 : (k.x[6] as number) - listMax, r < 0 ? 0 : 1 / (1 + r));
      }
      rows.push({
        id: x.id,
        fold,
        split,
        rel,
        bm25: bmSorted.slice(0, 5).map(([c]) => c),
        fm: fmList.slice(0, 5).map((r) => r.claim),
        cos: cosTop.slice(0, 5),
        glove: gTop,
        cands,
        bmNorm,
        fmScore,
        cosOf,
      });
    });
  }
  return rows.map((r) => ({ ...r, rel: new Set([...r.rel].map((c) => String(pos.get(c) ?? -1))) }));
}

const asRun = (r: Row, ranked: number[]) => ({ ranked: ranked.map(String), rel: r.rel });
const rankBy = (r: Row, s: (c: Cand) => number): number[] =>
  [...r.cands]
    .sort((a, b) => s(b) - s(a) || a.claim - b.claim)
    .slice(0, 5)
    .map((c) => c.claim);

type Method = (train: Row[], test: Row[]) => { row: Row; ranked: number[] }[];

function gridBlend(score: (r: Row, c: Cand, w: number) => number, grid: number[]): Method {
  return (train, test) => {
    let best = grid[0] as number;
    let bestMap = -1;
    for (const w of grid) {
      const m = rankFigures(
        train.map((r) =>
          asRun(
            r,
            rankBy(r, (c) => score(r, c, w)),
          ),
        ),
      ).map5;
      if (m > bestMap) [best, bestMap] = [w, m];
    }
    return test.map((row) => ({ row, ranked: rankBy(row, (c) => score(row, c, best)) }));
  };
}

/** Rows with only the candidates of some pools. */
const only = (rows: Row[], keep: (c: Cand) => boolean): Row[] =>
  rows.map((r) => ({ ...r, cands: r.cands.filter(keep) }));
type Pool = (c: Cand) => boolean;
const ANY: Pool = () => true;
const LEXICAL: Pool = (c) => c.lexical;
const BM25_DENSE: Pool = (c) => c.bm25 || c.dense;
/** The factmark ranker's own top POOL: what the extension has for a sentence today. */
const FM_LIST: Pool = (c) => c.x[4] === 1;

function logistic(cols: number[], pool: Pool = ANY): Method {
  return (trainAll, testAll) => {
    const [train, test] = [only(trainAll, pool), only(testAll, pool)];
    const X: number[][] = [];
    const y: number[] = [];
    for (const r of train)
      for (const c of r.cands) {
        X.push(cols.map((j) => c.x[j] as number));
        y.push(r.rel.has(String(c.claim)) ? 1 : 0);
      }
    const m = fitLogistic(X, y, 1);
    return test.map((row) => ({
      row,
      ranked: rankBy(row, (c) =>
        logit(
          m,
          cols.map((j) => c.x[j] as number),
        ),
      ),
    }));
  };
}

/**
 * lr over `cols` plus the adapter's score (and its gap to the query's best): the adapter
 * is fitted on the training folds; the training rows' adapter scores come from inner folds
 * (fitted without that fold), so the second stage never sees in-sample scores.
 */
function withAdapter(cols: number[]): Method {
  const asQuery = (r: Row): AdapterQuery => ({
    pairs: r.cands.map((c) => c.pair),
    rel: r.cands.map((c) => r.rel.has(String(c.claim))),
  });
  const dim = (rows: Row[]): number => rows[0]?.cands[0]?.pair.length ?? 0;
  const extend = (rows: Row[], w: Float32Array): Row[] =>
    rows.map((r) => {
      const a = r.cands.map((c) => adapted(w, c.pair));
      const max = Math.max(...a);
      return {
        ...r,
        cands: r.cands.map((c, k) => ({
          ...c,
          x: [...c.x, a[k] as number, (a[k] as number) - max],
        })),
      };
    });
  return (train, test) => {
    // Three inner groups of the training folds (a fit costs seconds).
    const group = (r: Row): number => r.fold % 3;
    const inner = [0, 1, 2].flatMap((g) =>
      extend(
        train.filter((r) => group(r) === g),
        fitAdapter(train.filter((r) => group(r) !== g).map(asQuery), dim(train)),
      ),
    );
    const outer = extend(test, fitAdapter(train.map(asQuery), dim(train)));
    const extra = [FEATURES.length, FEATURES.length + 1];
    return logistic([...cols, ...extra])(inner, outer);
  };
}

/** The comparisons that say what a channel adds (same learner, with and without it). */
const PAIRS: [string, string][] = [
  ['bm25', 'bm25+cos'],
  ['lr-bm25', 'lr-bm25+use'],
  ['lr-lex', 'lr-lex+use'],
  ['lr-lex', 'lr-all+ctx'],
  ['factmark', 'lr-all'],
  ['factmark', 'lr-all+ctx'],
  ['factmark', 'fm-rerank'],
];

/**
 * Paired difference of AP@5 (b - a) over all queries: mean, a 95% interval by a bootstrap
 * over 2b transcripts or 2a tweets (2,000 resamples, fixed seed), and queries better / worse.
 */
function paired(rows: Row[], a: Map<string, number>, b: Map<string, number>): string {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const g = r.id.replace(/_\d{4}$/, '');
    const list = groups.get(g) ?? [];
    list.push((b.get(r.id) ?? 0) - (a.get(r.id) ?? 0));
    groups.set(g, list);
  }
  const gs = [...groups.values()];
  const all = gs.flat();
  const mean = all.reduce((x, y) => x + y, 0) / all.length;
  let seed = 12345;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const means: number[] = [];
  for (let k = 0; k < 2000; k++) {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < gs.length; i++) {
      const g = gs[Math.floor(rand() * gs.length)] as number[];
      for (const d of g) sum += d;
      n += g.length;
    }
    means.push(sum / n);
  }
  means.sort((x, y) => x - y);
  const up = all.filter((d) => d > 0).length;
  const down = all.filter((d) => d < 0).length;
  return `ΔMAP@5 ${mean >= 0 ? '+' : ''}${mean.toFixed(3)} [95% ${(means[50] as number).toFixed(3)}, ${(means[1949] as number).toFixed(3)}], ${up} queries better, ${down} worse`;
}

const fixed =
  (pick: (r: Row) => number[]): Method =>
  (_, test) =>
    test.map((row) => ({ row, ranked: pick(row) }));
const steps = (hi: number, n: number): number[] =>
  Array.from({ length: n + 1 }, (_, i) => (hi * i) / n);

const METHODS: [string, Method][] = [
  ['bm25', fixed((r) => r.bm25)],
  ['factmark', fixed((r) => r.fm)],
  ['use-cosine', fixed((r) => r.cos)],
  [
    'bm25+cos',
    gridBlend(
      (r, c, w) => (1 - w) * (r.bmNorm.get(c.claim) ?? 0) + w * (r.cosOf.get(c.claim) ?? 0),
      steps(1, 20),
    ),
  ],
  [
    'fm+cos',
    gridBlend(
      (r, c, w) => (r.fmScore.get(c.claim) ?? 0) + w * (r.cosOf.get(c.claim) ?? 0),
      steps(3, 30),
    ),
  ],
  ['lr-bm25', logistic(BM25F, (c) => c.bm25)],
  ['lr-bm25+use', logistic(BM25_USE, BM25_DENSE)],
  ['lr-lex', logistic(LEX, LEXICAL)],
  ['glove', fixed((r) => r.glove)],
  ['lr-lex+glove', logistic(GLOVE)],
  ['lr-lex+use', logistic(USE)],
  ['lr-lex+use+ctx', logistic(CTX)],
  ['lr-all', logistic(NO_CTX)],
  ['lr-all+ctx', logistic(ALL)],
  ['lr-all@lex', logistic(NO_CTX, LEXICAL)],
  ['lr-all+adapter', withAdapter(NO_CTX)],
  ['fm-rerank', logistic(FM_USE, FM_LIST)],
];

function evaluate(task: Task): Record<string, Record<string, number>> {
  const t0 = performance.now();
  const rows = prepare(task);
  log(
    `\n${task}: ${rows.length} queries (${rows.filter((r) => r.split === 'dev').length} dev), folds ${[...Array(FOLDS + 1).keys()].map((f) => rows.filter((r) => r.fold === f).length).join('/')}; prepared in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const out: Record<string, Record<string, number>> = {};
  /** Method -> query id -> AP@5 (for the paired comparisons). */
  const apOf = new Map<string, Map<string, number>>();
  const share = (keep: (c: Cand) => boolean): string =>
    (
      rows.filter((r) => r.cands.some((c) => keep(c) && r.rel.has(String(c.claim)))).length /
      rows.length
    ).toFixed(3);
  log(
    `candidate recall (top ${POOL}): lexical ${share((c) => c.lexical)}, dense ${share((c) => c.dense)}, union ${share(() => true)}, dense only ${share((c) => !c.lexical)}`,
  );
  log('method      CV MAP@5  CV P@1 | train-folds MAP@5  P@1 | dev MAP@5  P@1');
  // FM_NO_ADAPTER=1 skips the adapter (its nested fits take minutes).
  const skip = (m: string): boolean =>
    (task !== '2b' && m.includes('ctx')) || (!!process.env.FM_NO_ADAPTER && m.includes('adapter'));
  for (const [name, method] of METHODS.filter(([m]) => !skip(m))) {
    const results: { row: Row; ranked: number[] }[] = [];
    for (let f = 0; f <= FOLDS; f++)
      results.push(
        ...method(
          rows.filter((r) => r.fold !== f),
          rows.filter((r) => r.fold === f),
        ),
      );
    const fig = (keep: (r: Row) => boolean) =>
      rankFigures(results.filter((x) => keep(x.row)).map((x) => asRun(x.row, x.ranked)));
    const cv = fig(() => true);
    apOf.set(
      name,
      new Map(results.map((x) => [x.row.id, rankFigures([asRun(x.row, x.ranked)]).map5])),
    );
    const tr = fig((r) => r.split === 'train');
    const dev = fig((r) => r.split === 'dev');
    const f4 = (x: number) => x.toFixed(3);
    log(
      `${name.padEnd(11)} ${f4(cv.map5)}    ${f4(cv.p1)}  | ${f4(tr.map5)}             ${f4(tr.p1)} | ${f4(dev.map5)}      ${f4(dev.p1)}`,
    );
    out[name] = {
      cvMap5: cv.map5,
      cvP1: cv.p1,
      trainMap5: tr.map5,
      trainP1: tr.p1,
      devMap5: dev.map5,
      devP1: dev.p1,
    };
  }
  for (const [a, b] of PAIRS) {
    const A = apOf.get(a);
    const B = apOf.get(b);
    if (A && B) log(`${b} vs ${a}: ${paired(rows, A, B)}`);
  }
  // The hybrid's weights fitted on all of train (what would ship), for reading.
  const all = rows.filter((r) => r.split === 'train');
  const cols = task === '2b' ? ALL : NO_CTX;
  const X = all.flatMap((r) => r.cands.map((c) => cols.map((j) => c.x[j] as number)));
  const y = all.flatMap((r) => r.cands.map((c) => (r.rel.has(String(c.claim)) ? 1 : 0)));
  const m = fitLogistic(X, y, 1);
  log(
    `${task === '2b' ? 'lr-all+ctx' : 'lr-all'} on all train, standardised weights: ${cols.map((j, i) => `${FEATURES[j]} ${m.w[i]?.toFixed(2)}`).join(', ')}`,
  );
  return out;
}

const args = process.argv.slice(2);
const tasks = (
  args.filter((a) => !a.startsWith('--')).length
    ? args.filter((a) => !a.startsWith('--'))
    : ['2b', '2a']
) as Task[];
const result: Record<string, unknown> = {};
for (const t of tasks) result[t] = evaluate(t);
log(JSON.stringify(result));
