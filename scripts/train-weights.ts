/**
 * Train the matcher's scorer (lib/match/weights.json) on the TRAIN splits only:
 * logistic regression over lib/match/features.ts, L2-regularised, fitted by
 * Newton's method (IRLS; 21 features, so each step solves a 21x21 system).
 *
 * Examples:
 *  - 2a train tweets and 2b train sentences: the top candidates of each query,
 *    labelled by the qrels (teaches ranking);
 *  - every other line of the 2b train transcripts: its top candidates as
 *    negatives (teaches that most sentences match nothing: calibration for
 *    whole pages). A candidate whose claim the qrels attach to another line of
 *    the same transcript is left out (the gold misses repeats).
 * Thresholds are then chosen on the train transcripts' top-1 marks:
 * annotate = lowest score with precision >= 0.9, strict = precision >= 0.97,
 * possible = half the annotate threshold.
 *
 * Usage: npx tsx scripts/train-weights.ts [--dry-run]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, type ClaimIndex } from '../lib/match/index';
import { FEATURE_NAMES } from '../lib/match/features';
import { cleanQueryText, prepareQuery } from '../lib/match/prepare-query';
import { rankPrepared } from '../lib/match/rank-prepared';
import { scorePair, type Model } from '../lib/match/model';
import {
  loadClaims,
  loadQrels,
  loadQueries,
  loadTranscript,
  neighboursOf,
  transcriptDate,
  transcriptsOf,
} from './train-data';

const PER_QUERY = 20;
const PER_LINE = 3;
const L2 = 1.0;

interface Example {
  x: number[];
  y: number;
  w: number;
}

function features(
  index: ClaimIndex,
  text: string,
  speaker: string | undefined,
  date: string | undefined,
  neighbours: string[],
  top: number,
) {
  const cleaned = cleanQueryText(text);
  const q = prepareQuery(index, cleaned.text, speaker, date ?? cleaned.date);
  const ctx = neighbours.length ? prepareQuery(index, neighbours.join('\n')) : null;
  return { q, ranked: rankPrepared(index, q, ctx, top) };
}

function fit(examples: Example[]): number[] {
  const d = FEATURE_NAMES.length;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const g = new Array<number>(d).fill(0);
    const H: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const p = scorePair(e.x, { weights: w, thresholds: { strict: 1, annotate: 1, possible: 1 } });
      const r = e.w * (p - e.y);
      const s = e.w * p * (1 - p);
      for (let i = 0; i < d; i++) {
        const xi = e.x[i] ?? 0;
        if (xi === 0) continue;
        g[i] = (g[i] ?? 0) + r * xi;
        const row = H[i] as number[];
        for (let j = 0; j < d; j++) row[j] = (row[j] ?? 0) + s * xi * (e.x[j] ?? 0);
      }
    }
    for (let i = 1; i < d; i++) {
      g[i] = (g[i] ?? 0) + L2 * (w[i] ?? 0);
      (H[i] as number[])[i] = ((H[i] as number[])[i] ?? 0) + L2;
    }
    (H[0] as number[])[0] = ((H[0] as number[])[0] ?? 0) + 1e-6;
    const step = solve(H, g);
    w = w.map((v, i) => v - (step[i] ?? 0));
    const norm = Math.sqrt(step.reduce((a, b) => a + b * b, 0));
    if (norm < 1e-6) break;
  }
  return w.map((v) => Math.round(v * 1e4) / 1e4);
}

/** Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[p]?.[c] ?? 0)) p = r;
    [M[c], M[p]] = [M[p] as number[], M[c] as number[]];
    const piv = M[c]?.[c] ?? 0;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (M[r]?.[c] ?? 0) / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) (M[r] as number[])[k] = (M[r]?.[k] ?? 0) - f * (M[c]?.[k] ?? 0);
    }
  }
  return M.map((row, i) => (row[n] ?? 0) / (row[i] || 1));
}

function main(): void {
  const dry = process.argv.includes('--dry-run');
  const examples: Example[] = [];
  const idx2a = buildIndex(loadClaims('2a'));
  const idx2b = buildIndex(loadClaims('2b'));

  const qa = loadQrels('2a', 'train');
  for (const q of loadQueries('2a', 'train')) {
    const rel = qa.get(q.id) ?? new Set<string>();
    for (const r of features(idx2a, q.text, undefined, undefined, [], PER_QUERY).ranked)
      examples.push({ x: r.features, y: rel.has(idx2a.src.ids[r.claim] ?? '') ? 1 : 0, w: 1 });
  }
  const qb = loadQrels('2b', 'train');
  for (const q of loadQueries('2b', 'train')) {
    const rel = qb.get(q.id) ?? new Set<string>();
    for (const r of features(idx2b, q.text, q.speaker, q.date, neighboursOf(q), PER_QUERY).ranked)
      examples.push({ x: r.features, y: rel.has(idx2b.src.ids[r.claim] ?? '') ? 1 : 0, w: 1 });
  }
  // Whole train transcripts: lines without a qrel are negatives.
  const lineScores: { features: number[]; right: boolean; rule: boolean; info: string }[] = [];
  const transcripts = transcriptsOf('train');
  for (const name of transcripts) {
    const lines = loadTranscript(name);
    const date = transcriptDate(name);
    const docClaims = new Set<string>();
    for (const l of lines)
      for (const c of qb.get(`${name}_${String(l.line).padStart(4, '0')}`) ?? []) docClaims.add(c);
    lines.forEach((l, i) => {
      const rel = qb.get(`${name}_${String(l.line).padStart(4, '0')}`);
      const nb = [lines[i - 1]?.text, lines[i + 1]?.text].filter((t): t is string => !!t);
      const { q, ranked } = features(idx2b, l.text, l.speaker, date, nb, PER_LINE);
      ranked.forEach((r, k) => {
        const id = idx2b.src.ids[r.claim] ?? '';
        const right = !!rel?.has(id);
        if (k === 0)
          lineScores.push({
            features: r.features,
            right,
            info: `${right ? 'OK ' : docClaims.has(id) ? 'REL' : 'BAD'} ${l.speaker}: ${l.text.slice(0, 150)} => ${id} ${idx2b.src.claimants[r.claim]} ${idx2b.src.dates[r.claim]}`,
            rule: q.length >= 4 && r.features[FEATURE_NAMES.indexOf('numConflict')] === 0,
          });
        if (!rel && !docClaims.has(id)) examples.push({ x: r.features, y: 0, w: 1 });
      });
    });
  }
  const pos = examples.filter((e) => e.y === 1).length;
  console.log(
    `${examples.length} examples, ${pos} positive, ${transcripts.length} train transcripts`,
  );
  const weights = fit(examples);
  FEATURE_NAMES.forEach((n, i) => console.log(`  ${n.padEnd(14)} ${weights[i]}`));

  // Thresholds from the train transcripts' top-1 marks.
  const model: Model = { weights, thresholds: { strict: 1, annotate: 1, possible: 1 } };
  const scored = lineScores
    .filter((s) => s.rule)
    .map((s) => ({ p: scorePair(s.features, model), right: s.right, info: s.info }))
    .sort((a, b) => b.p - a.p);
  const at = (target: number): number => {
    let right = 0;
    let t = 0.99;
    scored.forEach((s, k) => {
      if (s.right) right++;
      if (right / (k + 1) >= target && k >= 19) t = s.p;
    });
    return Math.round(t * 1000) / 1000;
  };
  for (const n of [10, 20, 40, 80, 160, 320]) {
    const top = scored.slice(0, n);
    console.log(
      `  top ${n}: p>=${top[top.length - 1]?.p.toFixed(3)} precision ${(top.filter((s) => s.right).length / Math.max(1, top.length)).toFixed(3)}`,
    );
  }
  if (process.argv.includes('--show'))
    for (const s of scored.slice(0, 60)) console.log(s.p.toFixed(3), s.info);
  const annotate = at(0.6);
  const thresholds = {
    strict: Math.max(annotate, at(0.97)),
    annotate,
    possible: Math.round(annotate * 500) / 1000,
  };
  const marked = scored.filter((s) => s.p >= annotate);
  console.log(
    `thresholds ${JSON.stringify(thresholds)}: train transcripts top-1 marks ${marked.length}, right ${marked.filter((s) => s.right).length}`,
  );
  const out = {
    version: 1,
    trainedOn:
      'CheckThat! 2021 2a train + 2b train queries and train transcripts (scripts/train-weights.ts)',
    features: [...FEATURE_NAMES],
    weights,
    thresholds,
  };
  if (!dry)
    writeFileSync(
      join(import.meta.dirname, '..', 'lib', 'match', 'weights.json'),
      `${JSON.stringify(out, null, 2)}\n`,
    );
}

main();
