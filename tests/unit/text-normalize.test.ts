import { describe, expect, test } from 'vitest';
import { normalize } from '../../lib/text/normalize';
import { tokenize, tokenizeIds } from '../../lib/text/tokenize';
import { segmentSentences } from '../../lib/text/segment';

const terms = (s: string): string[] => tokenize(s).map((t) => t.term);

describe('normalize', () => {
  test.each([
    ['“Quoted” – dash', '"quoted" - dash'],
    ['Zelenskyy’s café', "zelenskyy's cafe"],
    ['ＦＵＬＬ width', 'full width'],
  ])('%s', (input, out) => expect(normalize(input).text).toBe(out));

  test('offsets map every output character back into the input', () => {
    const input = 'Kyiv’s “plan” — São Paulo…';
    const n = normalize(input);
    expect(n.offsets).toHaveLength(n.text.length + 1);
    expect(n.offsets[n.text.length]).toBe(input.length);
    const i = n.text.indexOf('sao');
    expect(input.slice(n.offsets[i], n.offsets[i + 3])).toBe('São');
  });
});

describe('numbers', () => {
  test.each([
    ['20 percent', '#20%'],
    ['20%', '#20%'],
    ['twenty per cent', '#20%'],
    ['a fifth', '#20%'],
    ['one-fifth', '#20%'],
    ['one in five', '#20%'],
    ['1.8 billion', '#1800000000'],
    ['$1.8bn', '#1800000000'],
    ['1,800,000,000', '#1800000000'],
    ['twenty-eight', '#28'],
    ['28-point', '#28'],
    ['two thousand fourteen', '#2014'],
    ['half of them', '#50%'],
  ])('%s -> %s', (input, term) => expect(terms(input)).toContain(term));

  test.each(['no one came', 'one of them', 'one; one'])('"%s" has no number 2 or 1', (s) => {
    expect(terms(s).filter((t) => t.startsWith('#'))).toEqual([]);
  });
});

describe('aliases, stems, stopwords', () => {
  test.each([
    ['Kiev', 'Kyiv'],
    ['Lugansk', 'Luhansk'],
    ['Zelenskyy', 'Zelensky'],
    ['Zelenskiy', 'Zelensky'],
    ['U.S.', 'United States'],
    ['US', 'America'],
    ['Moscow', 'Russia'],
  ])('%s = %s', (a, b) => expect(terms(a)).toEqual(terms(b)));

  test('the pronoun "us" is not the country', () => {
    expect(terms('tell us')).not.toContain(terms('US')[0]);
  });
  test('possessives and stems', () => {
    expect(terms("Russia's annexation")).toEqual(terms('Russia annexed'));
  });
  test('token offsets point at the original words', () => {
    const s = 'Russia presently holds about 20 percent of Ukraine’s territory.';
    const num = tokenize(s).find((t) => t.kind === 'number');
    expect(num && s.slice(num.start, num.end)).toBe('20 percent');
  });
});

describe('segmentSentences', () => {
  const texts = (s: string): string[] => segmentSentences(s).map((x) => x.text);
  test('abbreviations, decimals and initialisms do not split', () => {
    expect(texts('Mr. Smith met Gen. Jones on Jan. 5. The U.S. economy grew 1.8 percent.')).toEqual(
      ['Mr. Smith met Gen. Jones on Jan. 5.', 'The U.S. economy grew 1.8 percent.'],
    );
  });
  test('"U.S." then a sentence opener splits', () => {
    expect(texts('He returned to the U.S. The visit ended.')).toHaveLength(2);
  });
  test('quotes, ellipses and headlines', () => {
    expect(
      texts('“It is good.” She left... and came back. Headline Without Period\nBody text here.'),
    ).toEqual([
      '“It is good.”',
      'She left... and came back.',
      'Headline Without Period',
      'Body text here.',
    ]);
  });
  test('offsets index the input', () => {
    const input = '  First one.  Second one!  ';
    for (const s of segmentSentences(input)) expect(input.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('tokenizeIds', () => {
  test("gives each token its id in the claim set's term map, whichever set asked last", () => {
    const text = "Russia's senator claimed wages fell for Ohio farm workers in 2014, by 20 percent";
    const terms = tokenize(text).map((t) => t.term);
    // Two claim sets that number the same terms differently (and one lacks the year).
    const a = new Map(terms.map((t, i) => [t, i]));
    const b = new Map(terms.filter((t) => t !== '#2014').map((t, i) => [t, 100 + i]));
    for (let round = 0; round < 3; round++)
      for (const map of [a, b]) {
        const ids: number[] = [];
        const tokens = tokenizeIds(text, map, ids);
        expect(tokens).toEqual(tokenize(text));
        expect(ids).toEqual(tokens.map((t) => map.get(t.term) ?? -1));
      }
    expect(tokenizeIds(text, b, []).length).toBe(terms.length);
    const none: number[] = [];
    tokenizeIds(text, null, none);
    expect(none).toEqual(terms.map(() => -1));
  });
});
