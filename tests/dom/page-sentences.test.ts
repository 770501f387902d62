/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { extractChunks } from '../../dom/extract-text';
import { markable, pageSentences, sendable, sentenceRange } from '../../dom/page-sentences';
import { setBody } from './page';

describe('pageSentences: the sentence table', () => {
  test.each([
    {
      what: 'sentences of one block',
      html: '<p>Russia annexed Crimea in 2014. Kyiv disputes it.</p>',
      want: ['Russia annexed Crimea in 2014.', 'Kyiv disputes it.'],
    },
    {
      what: 'no sentence crosses a block',
      html: '<h2>No full stop here</h2><p>Then a sentence.</p>',
      want: ['No full stop here', 'Then a sentence.'],
    },
    {
      what: 'inline elements stay inside their sentence',
      html: '<p>Trump vowed to <b>end the war</b> in 24 hours. Next.</p>',
      want: ['Trump vowed to end the war in 24 hours.', 'Next.'],
    },
  ])('$what', ({ html, want }) => {
    setBody(html);
    const sentences = pageSentences(extractChunks(document.body));
    expect(sentences.map((s) => s.text)).toEqual(want);
    for (const s of sentences) expect(s.chunk.text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('sentenceRange: a span relative to its sentence -> a Range', () => {
  test.each([
    { sentence: 0, span: 'annexed Crimea' },
    { sentence: 0, span: 'Russia annexed Crimea in 2014.' },
    { sentence: 1, span: 'Kyiv disputes it' },
  ])('sentence $sentence: "$span"', ({ sentence, span }) => {
    setBody('<p>Russia annexed <i>Crimea</i> in 2014. Kyiv disputes it.</p>');
    const s = pageSentences(extractChunks(document.body))[sentence];
    if (!s) throw new Error('no sentence');
    const at = s.text.indexOf(span);
    expect(sentenceRange(s, at, at + span.length)?.toString()).toBe(span);
  });

  test.each([
    { start: -1, end: 3 },
    { start: 0, end: 999 },
    { start: 4, end: 4 },
    { start: 5, end: 2 },
  ])('a span outside its sentence or empty gives no Range: [$start, $end)', ({ start, end }) => {
    setBody('<p>Russia annexed Crimea in 2014. Kyiv disputes it.</p>');
    const [s] = pageSentences(extractChunks(document.body));
    if (!s) throw new Error('no sentence');
    expect(sentenceRange(s, start, end)).toBeNull();
  });
});

describe('markable', () => {
  test.each([
    { text: 'Russia annexed Crimea in 2014.', want: true },
    { text: 'Read more', want: false },
    { text: 'Share this story', want: false },
    // Long enough, but of two words.
    { text: 'Twenty-one characters', want: false },
    { text: 'Subscribe to our newsletter today', want: true },
    { text: 'Anexión      total', want: false },
  ])('"$text" -> $want', ({ text, want }) => {
    expect(markable(text)).toBe(want);
  });
});

describe('sendable: what the content script sends to the matcher', () => {
  const sent = (html: string) => {
    setBody(html);
    return sendable(pageSentences(extractChunks(document.body))).map((s) => s.text);
  };
  test('a short sentence goes with its paragraph, which is read as one statement', () => {
    expect(sent('<p>Felons can’t vote. But pardoned ones can, says the tweet.</p>')).toEqual([
      'Felons can’t vote.',
      'But pardoned ones can, says the tweet.',
    ]);
  });
  test('paragraphs of short text only (menus, buttons, captions) are not sent', () => {
    expect(
      sent(
        '<nav><a href="/">Home</a> <a href="/w">World</a></nav><p>Read more</p><p>Russia annexed Crimea in 2014.</p>',
      ),
    ).toEqual(['Russia annexed Crimea in 2014.']);
  });
});
