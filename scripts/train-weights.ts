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
 * Thresholds are then chosen on the train transcripts' top-1 marks (page
 * mode, as matchSentences ranks them), a mark counting right when the qrels
 * attach its claim to that line or another line of the same transcript, or it
 * is the speaker's own claim attached to another transcript or dated within
 * 3 days of this one (see the calibration label below):
 * annotate = lowest score with precision >= 0.85, strict = lowest with
 * precision >= 0.95 (else the most precise prefix of >= 20 marks; never at or
 * below annotate), possible = half the annotate threshold.
 *
 * Usage: npx tsx scripts/train-weights.ts [--dry-run] [--page-only]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, type ClaimIndex } from '../lib/match/matcher';
import { FEATURE_NAMES } from '../lib/match/features';
import { cleanQueryText, prepareQuery } from '../lib/match/prepare-query';
import { rankPrepared } from '../lib/match/rank-prepared';
import { MODEL, scorePair, type Model } from '../lib/match/model';
import { PAGE_POOL } from '../lib/match/match-sentences';
import {
  loadClaims,
  loadQrels,
  loadQueries,
  lineQrels,
  loadTranscript,
  neighboursOf,
  transcriptDate,
  taskDir,
  transcriptsOf,
} from '../tools/train-data';
import { readClaimsFile } from '../tools/read-claims';
import {
  bundledIndex,
  fitPageThreshold,
  lowestThreshold,
  newsPages,
  pageFigures,
  scanNewsPages,
  scanTweetPage,
} from '../tools/page-mode';

const PER_QUERY = 20;
const PER_LINE = 3;
const L2 = Number(process.env.FM_L2 ?? 0.1);
/** Weight of a query example against a transcript negative (chosen by --cv). */
const QUERY_WEIGHT = Number(process.env.FM_QW ?? 3);
/** Train-transcript precision (relaxed) the annotate and strict bands must reach. */
const ANNOTATE_PRECISION = 0.85;
const STRICT_PRECISION = 0.95;

interface Example {
  x: number[];
  y: number;
  w: number;
  /** Query group for cross-validation ('' for transcript negatives). */
  group: string;
  /** Relevant claims of the query (MAP@5 denominator). */
  nRel: number;
}

function features(
  index: ClaimIndex,
  text: string,
  speaker: string | undefined,
  date: string | undefined,
  neighbours: string[],
  top: number,
  page = false,
) {
  const cleaned = cleanQueryText(text);
  const q = prepareQuery(index, cleaned.text, speaker, date ?? cleaned.date);
  // Context as rankQuery builds it: neighbours, and a tweet's author.
  const around = [...neighbours, ...(cleaned.author ? [cleaned.author] : [])];
  const ctx = around.length ? prepareQuery(index, around.join('\n')) : null;
  // Page mode (whole transcripts): the candidate pool matchSentences uses.
  const ranked = page
    ? rankPrepared(index, q, ctx, top, MODEL, null, PAGE_POOL)
    : rankPrepared(index, q, ctx, top);
  return { q, ranked };
}

/**
 * MAP@5 of re-scored candidate lists (the candidates and their features are
 * fixed; only the scorer changes), per task prefix of the groups.
 */
function mapOf(examples: Example[], w: number[]): Record<string, number> {
  const model: Model = { weights: w, thresholds: { strict: 1, annotate: 1, possible: 1, page: 1 } };
  const byGroup = new Map<string, { p: number; y: number; nRel: number }[]>();
  for (const e of examples) {
    if (!e.group) continue;
    let g = byGroup.get(e.group);
    if (!g) byGroup.set(e.group, (g = []));
    g.push({ p: scorePair(e.x, model), y: e.y, nRel: e.nRel });
  }
  const sum: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const [group, list] of byGroup) {
    const task = group.slice(0, 2);
    list.sort((a, b) => b.p - a.p);
    let hits = 0;
    let ap = 0;
    list.slice(0, 5).forEach((x, k) => {
      if (x.y) {
        hits++;
        ap += hits / (k + 1);
      }
    });
    const nRel = list[0]?.nRel ?? 0;
    sum[task] = (sum[task] ?? 0) + (nRel ? ap / Math.min(5, nRel) : 0);
    n[task] = (n[task] ?? 0) + 1;
  }
  const out: Record<string, number> = {};
  for (const t of Object.keys(sum)) out[t] = Math.round(((sum[t] ?? 0) / (n[t] ?? 1)) * 1e4) / 1e4;
  return out;
}

/**
 * --cv: 4-fold cross-validation over the train queries (transcript negatives
 * stay in every training fold) for the regularisation and query weight, so
 * hyperparameters are chosen on train, never on dev.
 */
function crossValidate(examples: Example[]): void {
  const fold = (g: string): number => {
    let h = 0;
    for (let i = 0; i < g.length; i++) h = (h * 31 + g.charCodeAt(i)) >>> 0;
    return h % 4;
  };
  for (const l2 of [0.1, 1, 10])
    for (const qw of [1, 3, 10]) {
      const acc: Record<string, number> = {};
      for (let f = 0; f < 4; f++) {
        const train = examples
          .filter((e) => !e.group || fold(e.group) !== f)
          .map((e) => (e.group ? { ...e, w: qw } : e));
        const test = examples.filter((e) => e.group && fold(e.group) === f);
        const w = fit(train, l2);
        for (const [t, v] of Object.entries(mapOf(test, w))) acc[t] = (acc[t] ?? 0) + v / 4;
      }
      console.log(`L2 ${l2} queryWeight ${qw}: CV MAP@5 ${JSON.stringify(acc)}`);
    }
}

function fit(examples: Example[], l2 = L2): number[] {
  const d = FEATURE_NAMES.length;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const g = new Array<number>(d).fill(0);
    const H: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const p = scorePair(e.x, {
        weights: w,
        thresholds: { strict: 1, annotate: 1, possible: 1, page: 1 },
      });
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
      g[i] = (g[i] ?? 0) + l2 * (w[i] ?? 0);
      (H[i] as number[])[i] = ((H[i] as number[])[i] ?? 0) + l2;
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

/**
 * `--page-only`: refit the page threshold for the shipped weights and write it into
 * weights.json (the rest of the file unchanged).
 */
function refitPage(dry: boolean): void {
  const file = join(import.meta.dirname, '..', 'lib', 'match', 'weights.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { thresholds: Model['thresholds'] };
  json.thresholds.page = pageThreshold({
    weights: MODEL.weights,
    thresholds: { ...MODEL.thresholds, page: MODEL.thresholds.annotate },
  });
  if (!dry) writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

function main(): void {
  const dry = process.argv.includes('--dry-run');
  if (process.argv.includes('--page-only')) return refitPage(dry);
  const examples: Example[] = [];
  const idx2a = buildIndex(loadClaims('2a'));
  const idx2b = buildIndex(loadClaims('2b'));

  const qb = loadQrels('2b', 'train');
  const atLine = lineQrels('train');
  // 2a tweets have no speaker, date or neighbouring lines (those come out undefined and []).
  for (const [task, idx, qrels] of [
    ['2a', idx2a, loadQrels('2a', 'train')],
    ['2b', idx2b, qb],
  ] as const) {
    for (const q of loadQueries(task, 'train')) {
      const rel = qrels.get(q.id) ?? new Set<string>();
      const { ranked } = features(idx, q.text, q.speaker, q.date, neighboursOf(q), PER_QUERY);
      for (const r of ranked)
        examples.push({
          x: r.features,
          y: rel.has(idx.src.ids[r.claim] ?? '') ? 1 : 0,
          w: QUERY_WEIGHT,
          group: `${task}:${q.id}`,
          nRel: rel.size,
        });
    }
  }
  // Whole train transcripts: lines without a qrel are negatives.
  const lineScores: {
    features: number[];
    right: boolean;
    relaxed: boolean;
    repeat: boolean;
    sameEvent: boolean;
    rule: boolean;
    info: string;
  }[] = [];
  const transcripts = transcriptsOf('train');
  // Claim -> train transcripts the qrels attach it to (speaker repeats).
  const elsewhere = new Map<string, Set<string>>();
  for (const [name, lines] of atLine.entries())
    for (const rel of lines.values())
      for (const c of rel) {
        let set = elsewhere.get(c);
        if (!set) elsewhere.set(c, (set = new Set()));
        set.add(name);
      }
  for (const name of transcripts) {
    const lines = loadTranscript(name);
    const date = transcriptDate(name);
    const docClaims = new Set<string>();
    for (const l of lines) for (const c of atLine.of(name).get(l.line) ?? []) docClaims.add(c);
    lines.forEach((l, i) => {
      const rel = atLine.of(name).get(l.line);
      const nb = [lines[i - 1]?.text, lines[i + 1]?.text].filter((t): t is string => !!t);
      const { q, ranked } = features(idx2b, l.text, l.speaker, date, nb, PER_LINE, true);
      ranked.forEach((r, k) => {
        const id = idx2b.src.ids[r.claim] ?? '';
        const right = !!rel?.has(id);
        if (k === 0)
          lineScores.push({
            features: r.features,
            right,
            relaxed: right || docClaims.has(id),
            // The eval's precisionSpeakerRepeat: the speaker's own claim that
            // the qrels attach to a line of another transcript.
            repeat:
              r.features[FEATURE_NAMES.indexOf('speakerMatch')] === 1 &&
              [...(elsewhere.get(id) ?? [])].some((t) => t !== name.toLowerCase()),
            // Information only: the speaker's claim dated within 3 days.
            sameEvent:
              r.features[FEATURE_NAMES.indexOf('speakerMatch')] === 1 &&
              r.features[FEATURE_NAMES.indexOf('dateNear')] === 1,
            info: `${right ? 'OK ' : docClaims.has(id) ? 'REL' : 'BAD'} ${l.speaker}: ${l.text.slice(0, 150)} => ${id} ${idx2b.src.claimants[r.claim]} ${idx2b.src.dates[r.claim]}`,
            rule: q.length >= 4 && r.features[FEATURE_NAMES.indexOf('numConflict')] === 0,
          });
        if (!rel && !docClaims.has(id))
          examples.push({ x: r.features, y: 0, w: 1, group: '', nRel: 0 });
      });
    });
  }
  const pos = examples.filter((e) => e.y === 1).length;
  console.log(
    `${examples.length} examples, ${pos} positive, ${transcripts.length} train transcripts`,
  );
  if (process.argv.includes('--cv')) {
    crossValidate(examples);
    return;
  }
  const weights = fit(examples);
  FEATURE_NAMES.forEach((n, i) => console.log(`  ${n.padEnd(14)} ${weights[i]}`));

  // Thresholds from the train transcripts' top-1 marks.
  const model: Model = { weights, thresholds: { strict: 1, annotate: 1, possible: 1, page: 1 } };
  // Calibration label of a top-1 mark: the qrels attach its claim to this
  // line or another line of the same transcript (the eval's relaxed figure),
  // or it is the speaker's own claim that the qrels attach to another
  // transcript (precisionSpeakerRepeat) or that PolitiFact dated within 3 days
  // of the transcript (the eval's information-only sameEventUnlisted). The
  // last kind is what the top of the train curve is made of (--curve): the
  // dataset lists only some lines of each debate, and counting those marks
  // false would calibrate to the gaps of the gold, not to the matcher.
  const scored = lineScores
    .filter((s) => s.rule)
    .map((s) => ({
      p: scorePair(s.features, model),
      right: s.relaxed || s.repeat || s.sameEvent,
      info: s.info,
    }))
    .sort((a, b) => b.p - a.p);
  const at = (target: number): number =>
    lowestThreshold(
      scored.map((x) => ({ score: x.p, right: x.right })),
      target,
    );
  if (process.argv.includes('--curve'))
    for (let th = 0.3; th < 1; th += 0.05) {
      const m = lineScores.filter((x) => x.rule && scorePair(x.features, model) >= th);
      const rel = m.filter((x) => x.relaxed).length;
      const rep = m.filter((x) => x.relaxed || x.repeat).length;
      const own = m.filter((x) => x.relaxed || x.repeat || x.sameEvent).length;
      console.log(
        `  p>=${th.toFixed(2)} marks ${m.length} strict ${m.filter((x) => x.right).length} relaxed ${rel} +repeat ${rep} +sameEvent ${own}`,
      );
    }
  for (const n of [10, 20, 40, 80, 160, 320]) {
    const top = scored.slice(0, n);
    console.log(
      `  top ${n}: p>=${top[top.length - 1]?.p.toFixed(3)} precision ${(top.filter((s) => s.right).length / Math.max(1, top.length)).toFixed(3)}`,
    );
  }
  if (process.argv.includes('--show'))
    for (const s of scored.slice(0, 60)) console.log(s.p.toFixed(3), s.info);
  const annotate = at(ANNOTATE_PRECISION);
  let strict = at(STRICT_PRECISION);
  // Strict must be a stricter band than annotate: at least halfway to 1.
  if (strict <= annotate) strict = Math.round((annotate + (1 - annotate) / 2) * 1000) / 1000;
  const thresholds = {
    strict,
    annotate,
    possible: Math.round(annotate * 500) / 1000,
    page: pageThreshold({ weights, thresholds: { strict, annotate, possible: 0, page: annotate } }),
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

/**
 * The page threshold: where a page's marked band starts. A page is mostly sentences that
 * state no checked claim, so its marks need a surer score than a query known to state one.
 * Two kinds of training page bound it, both through the extension's own extraction and
 * matcher (tools/page-mode.ts): the train tweets read as one page (real wordings with a
 * gold) must reach PAGE_PRECISION, and the saved ordinary news pages, matched against the
 * bundled set, must stay silent: the threshold is the higher of the two. `npm run eval`
 * fits the same rule inside folds (tweets by tweet, news pages by page) and reports the
 * held-out figures. The page path reads the shipped MODEL, so the new weights are put in
 * place for the scans and restored after.
 */
function pageThreshold(model: Model): number {
  // The tweets' claims as the scan CLI reads a claims file (what page mode is measured with).
  const idx2a = buildIndex(readClaimsFile(join(taskDir('2a'), 'claims.jsonl')));
  const saved = { weights: MODEL.weights, thresholds: MODEL.thresholds };
  Object.assign(MODEL, model);
  try {
    const tweets = loadQueries('2a', 'train');
    const marks = scanTweetPage(tweets, loadQrels('2a', 'train'), idx2a);
    const news = scanNewsPages(newsPages(), bundledIndex());
    const {
      threshold: t,
      byTweets,
      bySilence,
    } = fitPageThreshold(
      marks,
      news.map((m) => m.score),
    );
    console.log(
      `page threshold ${t} (tweets ${byTweets}, news pages ${bySilence}): train tweet page ${JSON.stringify(pageFigures(marks, tweets.length, t))}`,
    );
    return t;
  } finally {
    Object.assign(MODEL, saved);
  }
}

main();
