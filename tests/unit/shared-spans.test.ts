import { describe, expect, test } from 'vitest';
import { segmentsOf } from '../../lib/shared-spans';
import { sharedSpans, sharedTerms, whySpans } from '../../lib/highlight';

const shared = (text: string, spans: [number, number][]) =>
  segmentsOf(text, spans)
    .filter((s) => s.shared)
    .map((s) => s.text);

describe('the card draws the shared words from the spans the match carries', () => {
  const text = 'Russia annexed Crimea in 2014.';

  test('the spans the matcher found give the same runs as the tokenizer does on the page', () => {
    const evidence = { terms: ['annexed', 'Crimea'], numbers: ['2014'] };
    const spans = whySpans(evidence, text, text);
    expect(segmentsOf(text, spans?.claim ?? [])).toEqual(
      segmentsOf(text, sharedSpans(text, sharedTerms(evidence))),
    );
    expect(shared(text, spans?.quote ?? [])).toEqual(['annexed', 'Crimea', '2014']);
  });

  test('no evidence, no spans: the card marks nothing', () => {
    expect(whySpans({ terms: [], numbers: [] }, text, text)).toBeUndefined();
  });

  test('spans past the text, reversed, overlapping or not whole numbers are skipped; the text stays whole', () => {
    const bad: [number, number][] = [
      [0, 6],
      [3, 9],
      [15, 7],
      [1.5, 4],
      [25, 29],
      [28, 400],
    ];
    const segs = segmentsOf(text, bad);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(shared(text, bad)).toEqual(['Russia', '2014']);
    expect(segmentsOf('', [[0, 3]])).toEqual([{ text: '', shared: false }]);
  });
});
