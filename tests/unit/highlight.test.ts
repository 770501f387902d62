import { describe, expect, test } from 'vitest';
import { sharedSpans, sharedTerms } from '../../lib/highlight';
import { segmentsOf } from '../../lib/shared-spans';

/** `text` cut into runs at its shared words, as the card draws them. */
const highlightShared = (text: string, terms: ReadonlySet<string>) =>
  segmentsOf(text, sharedSpans(text, terms));

const marked = (text: string, evidence: { terms: string[]; numbers: string[] }) =>
  highlightShared(text, sharedTerms(evidence))
    .filter((s) => s.shared)
    .map((s) => s.text);

describe('why it matched: shared words marked in both texts', () => {
  const evidence = { terms: ['annexed', 'Crimea'], numbers: ['2014'] };
  test.each([
    [
      'the page sentence',
      'Moscow claims to have annexed Crimea in 2014.',
      ['annexed', 'Crimea', '2014'],
    ],
    [
      'the claim, another form of the word',
      'Russia annexed Crimea in 2014.',
      ['annexed', 'Crimea', '2014'],
    ],
    ['other forms', 'The annexation of Crimea, 2014', ['annexation', 'Crimea', '2014']],
    ['nothing shared', 'Trump brokered a ceasefire.', []],
  ])('%s', (_what, text, want) => {
    expect(marked(text, evidence)).toEqual(want);
  });

  test('the text is kept whole, in order', () => {
    const text = 'In 2014, Russia annexed Crimea.';
    const segs = highlightShared(text, sharedTerms(evidence));
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
});
