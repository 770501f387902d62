import { describe, expect, test } from 'vitest';
import {
  fitPageThreshold,
  lowestThreshold,
  pageFigures,
  pageModeCv,
  silentAbove,
  tweetPageHtml,
  type JudgedPageMark,
} from '../../tools/page-mode';

const mark = (score: number, right: boolean, tweet = 't'): JudgedPageMark => ({
  claim: 'c',
  score,
  right,
  tweet,
});

describe('the page threshold rules', () => {
  test.each([
    // Precision of the marks above each cut, best score first: 1, 1, 0.67, 0.75, 0.6.
    [[0.9, 0.8, 0.7, 0.6, 0.5], [true, true, false, true, false], 0.75, 0.6],
    [[0.9, 0.8, 0.7, 0.6, 0.5], [true, true, false, true, false], 0.9, 0.8],
    // No cut reaches the target: the most precise cut.
    [[0.9, 0.8, 0.7], [false, true, false], 0.9, 0.8],
  ])('lowestThreshold(%j, %j, %s) = %s', (scores, rights, target, want) => {
    const marks = scores.map((s, i) => mark(s, rights[i] as boolean));
    expect(lowestThreshold(marks, target, 1)).toBe(want);
  });

  test('a tie is never split', () => {
    const marks = [mark(0.9, true), mark(0.7, true), mark(0.7, false)];
    expect(lowestThreshold(marks, 0.9, 1)).toBe(0.9);
  });

  test.each([
    [[0.5714, 0.55, 0.3], 0, 0.572],
    [[0.5714, 0.55, 0.3], 1, 0.551],
    [[0.572], 0, 0.573],
    [[], 0, 0],
  ])('silentAbove(%j, %s) = %s: no more marks than allowed at or above it', (s, n, want) => {
    const t = silentAbove(s, n);
    expect(t).toBe(want);
    expect(s.filter((x) => x >= t).length).toBeLessThanOrEqual(n);
  });

  test('the page threshold is the higher of the two bounds', () => {
    // 25 right marks from 0.9 down to 0.66: the tweets alone allow 0.66.
    const tweets = Array.from({ length: 25 }, (_, i) => mark(0.9 - i * 0.01, true, `t${i}`));
    expect(fitPageThreshold(tweets, [0.85]).threshold).toBe(0.851);
    expect(fitPageThreshold(tweets, [0.1]).threshold).toBe(0.66);
  });
});

describe('page figures', () => {
  test('recall counts tweets with a right mark, precision every mark', () => {
    const marks = [mark(0.9, true, 'a'), mark(0.8, true, 'a'), mark(0.7, false, 'b')];
    expect(pageFigures(marks, 4)).toEqual({ tweets: 4, marks: 3, precision: 0.6667, recall: 0.25 });
    expect(pageFigures(marks, 4, 0.75)).toEqual({
      tweets: 4,
      marks: 2,
      precision: 1,
      recall: 0.25,
    });
  });

  test('cross-validation fits each fold on the others only', () => {
    // Fold A: 30 right marks at 0.6. Fold B: 30 right at 0.9 and 30 wrong at 0.6.
    const a = Array.from({ length: 30 }, (_, i) => mark(0.6, true, `a${i}`));
    const b = Array.from({ length: 60 }, (_, i) => mark(i < 30 ? 0.9 : 0.6, i < 30, `b${i}`));
    const folds = [new Set(a.map((m) => m.tweet)), new Set(b.map((m) => m.tweet))];
    const cv = pageModeCv([...a, ...b], folds, [], []);
    // Fitted on B, A's marks must beat 0.6; fitted on A, 0.6 is enough for B's.
    expect(cv.folds.map((f) => [f.threshold, f.tweets.marks])).toEqual([
      [0.9, 0],
      [0.6, 60],
    ]);
    expect(cv.tweets).toEqual({ tweets: 90, marks: 60, precision: 0.5, recall: 0.3333 });
  });

  test('tweets are laid out as text, never as markup', () => {
    const html = tweetPageHtml([{ id: '1', text: '<script>alert(1)</script> & more' }]);
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>');
  });
});
