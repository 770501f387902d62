import { describe, expect, test } from 'vitest';
import { buildIndex, matchSentences, rankQuery } from '../../lib/match/matcher';
import { segmentSentences } from '../../lib/text/segment';

/**
 * Imported claim sets of a few claims are compiled into their own index, where
 * IDF is degenerate; the background df prior (lib/match/df-prior.json) must
 * make them behave like the bundled set. Claims imported at priority 0, as
 * compileClaimSet does for an imported file.
 */
describe('one-claim indexes (background df prior)', () => {
  test('marks a sentence stating the claim', () => {
    const index = buildIndex([
      {
        id: 'averitec-dev-2',
        text: "Due to Imran Khan's criticism of Macron's comments on Islam, French authorities cancelled the visas of 183 Pakistani citizens and deported 118 from the country.",
      },
    ]);
    const text =
      "…Imran Khan's criticism of Macron's comments on Islam, French authorities cancelled the visas of 183 Pakistani citizens and deported 118…";
    const marks = matchSentences(index, segmentSentences(text));
    expect(marks.map((m) => index.src.ids[m.row])).toEqual(['averitec-dev-2']);
    expect(rankQuery(index, { id: 'q', text })[0]?.annotate).toBe(true);
  });

  test('marks the clause of a list sentence that states the claim', () => {
    const index = buildIndex([{ id: 'crimea', text: 'Russia annexed Crimea in 2014.' }]);
    const text =
      'Moscow claims to have annexed Donetsk, Lugansk, Zaporizhzhia, and Kherson regions in 2022, as well as Crimea in 2014.';
    const marks = matchSentences(index, segmentSentences(text));
    expect(marks).toHaveLength(1);
    const m = marks[0];
    expect(index.src.ids[m?.row ?? -1]).toBe('crimea');
    expect(text.slice(m?.start, m?.end)).toBe('as well as Crimea in 2014');
  });

  test('does not mark what only shares common words', () => {
    const index = buildIndex([{ id: 'crimea', text: 'Russia annexed Crimea in 2014.' }]);
    const text = 'Russia annexed four regions in 2022 after staged referendums.';
    expect(matchSentences(index, segmentSentences(text))).toEqual([]);
    const visas = buildIndex([
      {
        id: 'visas',
        text: "Due to Imran Khan's criticism of Macron's comments on Islam, French authorities cancelled the visas of 183 Pakistani citizens and deported 118 from the country.",
      },
    ]);
    const other = 'French authorities said the country issued more visas to citizens this year.';
    expect(matchSentences(visas, segmentSentences(other))).toEqual([]);
  });
});
