/**
 * Does the USE cosine help the DECISION (mark or stay silent), not just the
 * ranking? Every line of the 2b dev transcripts is a query (rankQuery, with
 * the transcript's speaker, date and the lines either side): its top-1 claim
 * is a candidate mark, and a decision score says how sure it is. Compared:
 *   fm        the ranker's own top-1 score (today's decision score)
 *   lr-fm     logistic over the ranker's top-1 score, its margin to the 2nd, BM25 of the pair
 *   lr-fm+use the same plus the pair's cosine, the line's best cosine over the
 *             top 5 and the top-1's cosine margin
 * fitted by cross-validation over the dev transcripts (5 folds by transcript;
 * the ranker itself was fitted on train). Label: the qrels give that line
 * that claim (strict), or give that claim to another line of the same
 * transcript (relaxed; a speaker repeats a checked claim). Figures: the best
 * precision at strict recall >= 0.10 / 0.15 / 0.20 (the issue's transcript floor:
 * precision 0.70 at recall 0.15), and the best strict recall at precision >= 0.5 / 0.7.
 * (Query mode per line: not the page-mode decision matchSentences makes.)
 *
 *   npx tsx scripts/eval-semantic-lines.ts    (needs `embed-texts.ts 2b lines-dev`)
 */
import { buildIndex, rankQuery } from '../lib/match/matcher';
import { Bm25Scores } from '../tools/bm25-baseline';
import { fitLogistic, logit } from '../tools/semantic-fit';
import { loadTable } from '../tools/semantic-texts';
import {
  loadClaims,
  lineQrels,
  loadTranscript,
  transcriptDate,
  transcriptsOf,
} from '../tools/train-data';

const FOLDS = 5;
const claims = loadClaims('2b');
const pos = new Map(claims.map((c, i) => [c.id, i]));
const index = buildIndex(claims);
const bm = new Bm25Scores(loadClaims('2b', { subtitle: false }));
const ct = loadTable('2b', 'claims');
const lt = loadTable('2b', 'lines-dev');
if (!ct || !lt) throw new Error('run scripts/embed-texts.ts 2b claims and 2b lines-dev first');
const dim = ct.table.dim;
const lineRow = new Map(lt.ids.map((id, i) => [id, i]));
const cosine = (line: number, claim: number): number => {
  let s = 0;
  for (let d = 0; d < dim; d++)
    s += (lt.table.q[line * dim + d] as number) * (ct.table.q[claim * dim + d] as number);
  return s * (lt.table.scale[line] as number) * (ct.table.scale[claim] as number);
};

interface Mark {
  transcript: number;
  checked: boolean;
  strict: boolean;
  relaxed: boolean;
  line: string;
  fm: number;
  x: number[];
}
const qrels = lineQrels('dev');
const names = transcriptsOf('dev');
const marks: Mark[] = [];
let checkedLines = 0;
const t0 = performance.now();
names.forEach((name, ti) => {
  const lines = loadTranscript(name);
  const date = transcriptDate(name);
  const relOf = (l: number) => qrels.of(name).get(l);
  const docClaims = new Set(lines.flatMap((l) => [...(relOf(l.line) ?? [])]));
  lines.forEach((l, i) => {
    const rel = relOf(l.line);
    if (rel) checkedLines++;
    const neighbours = [lines[i - 1]?.text, lines[i + 1]?.text].filter((t): t is string => !!t);
    const ranked = rankQuery(
      index,
      { id: `${name}:${l.line}`, text: l.text, doc: name, speaker: l.speaker, date },
      { top: 5, neighbours },
    );
    const top = ranked[0];
    if (!top) return;
    const row = lineRow.get(`${name}:${l.line}`) as number;
    const cos = ranked.map((r) => cosine(row, pos.get(r.claim) as number));
    const bmScores = bm.scores(l.text);
    const bmMax = Math.max(1e-9, ...bmScores.values());
    const c0 = cos[0] as number;
    marks.push({
      transcript: ti,
      checked: !!rel,
      strict: !!rel?.has(top.claim),
      relaxed: !!rel?.has(top.claim) || docClaims.has(top.claim),
      line: `${name}:${l.line}`,
      fm: top.score,
      x: [
        top.score,
        top.score - (ranked[1]?.score ?? 0),
        (bmScores.get(pos.get(top.claim) as number) ?? 0) / bmMax,
        c0,
        Math.max(...cos),
        c0 - Math.max(...cos.slice(1), -1),
      ],
    });
  });
});
console.log(
  `dev transcripts: ${names.length}, ${marks.length} lines with a top-1 claim, ${checkedLines} checked lines; ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);

/** Best precision at recall >= r and best recall at precision >= p, over every threshold of a score. */
function curve(score: number[], key: 'strict' | 'relaxed'): string {
  const order = score.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const atR = [0.1, 0.15, 0.2].map(() => 0);
  const atP = [0.5, 0.7].map(() => 0);
  let right = 0;
  const found = new Set<string>();
  order.forEach(([s, i], k) => {
    const m = marks[i] as Mark;
    if (m[key]) right++;
    if (m.strict) found.add(m.line);
    if (k + 1 < 5 || order[k + 1]?.[0] === s) return;
    const p = right / (k + 1);
    const r = found.size / checkedLines;
    [0.1, 0.15, 0.2].forEach((x, j) => {
      if (r >= x) atR[j] = Math.max(atR[j] as number, p);
    });
    [0.5, 0.7].forEach((x, j) => {
      if (p >= x) atP[j] = Math.max(atP[j] as number, r);
    });
  });
  return `P@R.10 ${atR[0]?.toFixed(3)}  P@R.15 ${atR[1]?.toFixed(3)}  P@R.20 ${atR[2]?.toFixed(3)}  R@P.5 ${atP[0]?.toFixed(3)}  R@P.7 ${atP[1]?.toFixed(3)}`;
}

/** In-fold logistic scores (folds by transcript), label = relaxed. */
function cvScores(cols: number[]): number[] {
  const out = new Array<number>(marks.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const train = marks.filter((m) => m.transcript % FOLDS !== f);
    const model = fitLogistic(
      train.map((m) => cols.map((j) => m.x[j] as number)),
      train.map((m) => (m.relaxed ? 1 : 0)),
      1,
    );
    marks.forEach((m, i) => {
      if (m.transcript % FOLDS === f)
        out[i] = logit(
          model,
          cols.map((j) => m.x[j] as number),
        );
    });
  }
  return out;
}

const scores: [string, number[]][] = [
  ['fm', marks.map((m) => m.fm)],
  ['lr-fm', cvScores([0, 1, 2])],
  ['lr-fm+use', cvScores([0, 1, 2, 3, 4, 5])],
];
for (const key of ['strict', 'relaxed'] as const)
  for (const [name, s] of scores)
    console.log(`${key.padEnd(7)} ${name.padEnd(10)} ${curve(s, key)}`);
