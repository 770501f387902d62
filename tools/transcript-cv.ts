/**
 * Grouped cross-validation of the whole-transcript decision (npm run eval).
 *
 * The marks of every transcript (the matcher at its broad setting, each judged
 * against the qrels) are dealt into folds by transcript. For each fold the
 * mark threshold is fitted on the OTHER folds: the threshold with the best
 * precision (speaker-repeat reading, the one the floor uses) among
 * those whose strict recall reaches `minRecall`, or the one with the highest
 * recall when none does. The held-out fold's marks at that threshold are
 * pooled over the folds into one precision / recall.
 */

/** One mark judged against the qrels (each reading includes the ones before it). */
export interface CvMark {
  /** The transcript (its fold's key). */
  doc: string;
  /** `transcript:line` (lines are numbered per transcript): a checked line found strictly counts once. */
  lineKey: string;
  score: number;
  strict: boolean;
  relaxed: boolean;
  repeat: boolean;
}

export interface CvDoc {
  doc: string;
  fold: number;
  /** Lines of this transcript the qrels list. */
  checked: number;
}

export interface CvFigures {
  marks: number;
  precision: number;
  precisionRelaxed: number;
  precisionSpeakerRepeat: number;
  recall: number;
  folds: {
    fold: number;
    threshold: number;
    marks: number;
    /** Marks right by the speaker-repeat reading. */
    right: number;
    checked: number;
    found: number;
  }[];
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Marks whose score is at least `t`, with their readings counted. */
function tally(marks: readonly CvMark[], t: number) {
  const kept = marks.filter((m) => m.score >= t);
  return {
    kept,
    strict: kept.filter((m) => m.strict).length,
    relaxed: kept.filter((m) => m.relaxed).length,
    repeat: kept.filter((m) => m.repeat).length,
    found: new Set(kept.filter((m) => m.strict).map((m) => m.lineKey)).size,
  };
}

/** One cut of a scored list of marks: every mark scoring at least `score`. */
export interface Cut {
  score: number;
  /** Marks right by the reading asked for / marks. */
  precision: number;
  /** Checked lines with a strictly right mark / checked lines. */
  recall: number;
}

/**
 * Every cut of a scored list of marks, best score first: each distinct score (ties kept
 * together) with at least 5 marks at or above it. The eval's operating curve and the CV's
 * fit both read these.
 */
export function cuts(
  marks: readonly CvMark[],
  checked: number,
  right: (m: CvMark) => boolean,
): Cut[] {
  const sorted = [...marks].sort((a, b) => b.score - a.score);
  let n = 0;
  const found = new Set<string>();
  const out: Cut[] = [];
  sorted.forEach((m, k) => {
    if (right(m)) n++;
    if (m.strict) found.add(m.lineKey);
    if (sorted[k + 1]?.score === m.score || k + 1 < 5) return;
    out.push({
      score: m.score,
      precision: n / (k + 1),
      recall: checked ? found.size / checked : 0,
    });
  });
  return out;
}

/**
 * The fitted threshold for a training pool: of its cuts, the best speaker-repeat precision
 * among those reaching `minRecall`, else the one with the highest recall.
 */
export function fitThreshold(marks: readonly CvMark[], checked: number, minRecall: number): number {
  let best: Cut | undefined;
  let widest: Cut | undefined;
  for (const c of cuts(marks, checked, (m) => m.repeat)) {
    if (!widest || c.recall > widest.recall) widest = c;
    if (c.recall >= minRecall && (!best || c.precision > best.precision)) best = c;
  }
  return (best ?? widest)?.score ?? Infinity;
}

export function transcriptCv(
  docs: readonly CvDoc[],
  marks: readonly CvMark[],
  minRecall = 0.15,
): CvFigures {
  const foldOf = new Map(docs.map((d) => [d.doc, d.fold]));
  const folds = [...new Set(docs.map((d) => d.fold))].sort((a, b) => a - b);
  const held: CvMark[] = [];
  let checkedAll = 0;
  let foundAll = 0;
  const perFold = folds.map((fold) => {
    const inFold = (doc: string): boolean => foldOf.get(doc) === fold;
    const trainChecked = docs.filter((d) => !inFold(d.doc)).reduce((s, d) => s + d.checked, 0);
    const checked = docs.filter((d) => inFold(d.doc)).reduce((s, d) => s + d.checked, 0);
    const threshold = fitThreshold(
      marks.filter((m) => !inFold(m.doc)),
      trainChecked,
      minRecall,
    );
    const t = tally(
      marks.filter((m) => inFold(m.doc)),
      threshold,
    );
    held.push(...t.kept);
    checkedAll += checked;
    foundAll += t.found;
    return {
      fold,
      threshold: round(threshold),
      marks: t.kept.length,
      right: t.repeat,
      checked,
      found: t.found,
    };
  });
  const all = tally(held, -Infinity);
  const n = held.length;
  return {
    marks: n,
    precision: round(n ? all.strict / n : 0),
    precisionRelaxed: round(n ? all.relaxed / n : 0),
    precisionSpeakerRepeat: round(n ? all.repeat / n : 0),
    recall: round(checkedAll ? foundAll / checkedAll : 0),
    folds: perFold,
  };
}
