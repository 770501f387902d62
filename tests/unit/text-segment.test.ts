import { describe, expect, it } from 'vitest';
import { clipSentences, countSentences } from '../../lib/claims/clip-sentences';
import { segmentSentences } from '../../lib/text/segment';

/** Page sentences and note sentences come from one splitter with one abbreviation list. */
describe('one sentence splitter for pages and notes', () => {
  it.each<[string, string[]]>([
    ['It grew in the U.S. The rest fell.', ['It grew in the U.S.', 'The rest fell.']],
    ['The U.S. Senate voted. Then it left.', ['The U.S. Senate voted.', 'Then it left.']],
    ['He met Sen. Smith. Dr. Jones came too.', ['He met Sen. Smith.', 'Dr. Jones came too.']],
    ['then-Sen. Joe Biden voted no.', ['then-Sen. Joe Biden voted no.']],
    ['George H.W. Bush said it. He meant it.', ['George H.W. Bush said it.', 'He meant it.']],
    [
      'John F. Kennedy spoke. So did Roe v. Wade.',
      ['John F. Kennedy spoke.', 'So did Roe v. Wade.'],
    ],
    ['Prices rose 2.5 percent. Wages fell.', ['Prices rose 2.5 percent.', 'Wages fell.']],
    [
      'It was Jan. 5 in Washington, D.C. The vote came.',
      ['It was Jan. 5 in Washington, D.C.', 'The vote came.'],
    ],
    ['He said "Stop." Then "Go." Done?', ['He said "Stop."', 'Then "Go."', 'Done?']],
    ['Wait ... what? Yes.', ['Wait ... what?', 'Yes.']],
    ['It crashed. "', ['It crashed. "']],
    ['Headline\nBody text.', ['Headline', 'Body text.']],
  ])('%j', (text, sentences) => {
    expect(segmentSentences(text).map((s) => s.text)).toEqual(sentences);
    // A note is one paragraph: its count is the page's, line breaks aside.
    if (!text.includes('\n')) expect(countSentences(text)).toBe(sentences.length);
  });

  it('clips a note after the same sentences the page would show', () => {
    const note = 'It grew in the U.S. The rest fell. Then it rose.';
    expect(countSentences(note)).toBe(3);
    expect(clipSentences(note, 2, 600)).toBe('It grew in the U.S. The rest fell.');
  });
});
