import { describe, expect, it } from 'vitest';
import { fitThreshold, transcriptCv, type CvMark } from '../../tools/transcript-cv';

/** `n` marks of one transcript at one score, `right` of them strictly right (distinct lines). */
function marks(doc: string, score: number, n: number, right: number, from = 0): CvMark[] {
  return Array.from({ length: n }, (_, i) => ({
    doc,
    lineKey: `${doc}:${from + i}`,
    score,
    strict: i < right,
    relaxed: i < right,
    repeat: i < right,
  }));
}

describe('whole-transcript grouped CV', () => {
  it('fits the threshold with the best precision that still reaches the recall floor', () => {
    // 10 checked lines. At 0.9: 5 marks, 2 right (recall 0.2, precision 0.4).
    // At 0.5: 10 marks, 7 right (recall 0.7, precision 0.7): better precision, more recall.
    const pool = [...marks('a', 0.9, 5, 2), ...marks('a', 0.5, 5, 5, 10)];
    pool.forEach((m, i) => (m.lineKey = `a:${i}`));
    expect(fitThreshold(pool, 10, 0.15)).toBe(0.5);
    // With a floor no threshold reaches, the widest cut is taken.
    expect(fitThreshold(pool, 100, 0.5)).toBe(0.5);
    // A cut of fewer than 5 marks is never a candidate.
    expect(fitThreshold(marks('a', 0.9, 4, 4), 4, 0.15)).toBe(Infinity);
  });

  it("never fits a fold's threshold on that fold's own marks", () => {
    // Fold 0 (transcript a) is the largest: on all marks pooled, 0.8 wins (40 marks,
    // 30 right, against 80 and 50 at 0.4). Folds 1 and 2 alone reward only 0.4.
    const a = [...marks('a', 0.8, 30, 30), ...marks('a', 0.4, 20, 0, 30)];
    const b = [...marks('b', 0.8, 5, 0), ...marks('b', 0.4, 10, 10, 5)];
    const c = [...marks('c', 0.8, 5, 0), ...marks('c', 0.4, 10, 10, 5)];
    const docs = [
      { doc: 'a', fold: 0, checked: 40 },
      { doc: 'b', fold: 1, checked: 10 },
      { doc: 'c', fold: 2, checked: 10 },
    ];
    expect(fitThreshold([...a, ...b, ...c], 60, 0.15)).toBe(0.8);
    const cv = transcriptCv(docs, [...a, ...b, ...c], 0.15);
    const fold0 = cv.folds.find((f) => f.fold === 0);
    expect(fold0?.threshold).toBe(0.4);
    // Held out at 0.4, transcript a keeps all 50 of its marks, 30 right.
    expect(fold0).toMatchObject({ marks: 50, right: 30, found: 30, checked: 40 });
    // Pooled: every fold's held-out marks, judged together.
    const total = cv.folds.reduce((s, f) => s + f.marks, 0);
    expect(cv.marks).toBe(total);
    expect(cv.recall).toBeCloseTo(cv.folds.reduce((s, f) => s + f.found, 0) / 60, 4);
  });
});
