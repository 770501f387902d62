/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { extractChunks } from '../../dom/extract-text';
import { pageSentences } from '../../dom/page-sentences';
import { marksOfReply } from '../../dom/reply-marks';
import type { MatchReply } from '../../utils/messages';
import { match, record, setBody } from './page';

const PAGE = '<p id="a">Russia annexed Crimea in 2014. Kyiv disputes it.</p><p id="b">Gamma.</p>';

function reply(matches: Parameters<typeof match>[0][], strictness: 'balanced' | 'broad') {
  const ms = matches.map((m) => match(m));
  return {
    matches: ms,
    shownAt: ms.map(() => [strictness]),
    claims: { bundled: { 0: record('x'), 1: record('y') } },
  } as MatchReply;
}

describe('marksOfReply: a reply as marks on the page', () => {
  test('each match becomes a mark over its span of its sentence, with its card data', () => {
    setBody(PAGE);
    const sentences = pageSentences(extractChunks(document.body));
    let k = 0;
    const { added } = marksOfReply(
      sentences,
      reply(
        [
          { sentence: 0, start: 0, end: 29, row: 0 },
          { sentence: 1, start: 0, end: 4, row: 1 },
        ],
        'balanced',
      ),
      new Map(),
      [],
      document,
      () => `m${k++}`,
    );
    expect(added.map((m) => [m.key, m.range.toString(), m.claim.id, m.shownAt])).toEqual([
      ['m0', 'Russia annexed Crimea in 2014', 'x', ['balanced']],
      ['m1', 'Kyiv', 'y', ['balanced']],
    ]);
    expect(added[0]?.block).toBe(document.querySelector('#a'));
  });

  test("the batch's other reply adds its settings to the marks already made, no new mark", () => {
    setBody(PAGE);
    const sentences = pageSentences(extractChunks(document.body));
    const known = new Map();
    const one = { sentence: 0, start: 0, end: 29, row: 0 };
    const first = marksOfReply(
      sentences,
      reply([one], 'balanced'),
      known,
      [],
      document,
      () => 'm0',
    );
    const second = marksOfReply(
      sentences,
      reply([one], 'broad'),
      known,
      first.added,
      document,
      () => 'm1',
    );
    expect(second.added).toEqual([]);
    expect(second.grown.map((m) => [m.key, m.shownAt])).toEqual([['m0', ['balanced', 'broad']]]);
  });

  test("the semantic pass's match of a sentence found possible makes it one mark, shown at Balanced and said to be by meaning", () => {
    setBody(PAGE);
    const sentences = pageSentences(extractChunks(document.body));
    const known = new Map();
    const span = { sentence: 0, start: 0, end: 29, row: 0 };
    const first = marksOfReply(
      sentences,
      reply([{ ...span, band: 'possible' }], 'broad'),
      known,
      [],
      document,
      () => 'm0',
    );
    const semantic = reply([{ ...span, semantic: true }], 'balanced');
    const second = marksOfReply(sentences, semantic, known, first.added, document, () => 'm1');
    expect(second.added).toEqual([]);
    const mark = second.grown[0];
    expect([mark?.key, mark?.shownAt, mark?.match.band, mark?.match.semantic]).toEqual([
      'm0',
      ['broad', 'balanced'],
      'annotate',
      true,
    ]);
  });

  test('text the page removed while the reply was on its way, or an unknown claim, is not marked', () => {
    setBody(PAGE);
    const sentences = pageSentences(extractChunks(document.body));
    document.querySelector('#a')?.replaceChildren(document.createTextNode('Fresh text.'));
    const r = reply(
      [
        { sentence: 0, start: 0, end: 29, row: 0 },
        { sentence: 2, start: 0, end: 5, row: 7 },
      ],
      'balanced',
    );
    expect(marksOfReply(sentences, r, new Map(), [], document, () => 'm').added).toEqual([]);
  });

  test('a mark repeating one already on the page is not made twice', () => {
    setBody(PAGE);
    const sentences = pageSentences(extractChunks(document.body));
    const one = { sentence: 0, start: 0, end: 29, row: 0 };
    const before = marksOfReply(
      sentences,
      reply([one], 'balanced'),
      new Map(),
      [],
      document,
      () => 'a',
    );
    const again = marksOfReply(
      sentences,
      reply([one], 'balanced'),
      new Map(),
      before.added,
      document,
      () => 'b',
    );
    expect(before.added).toHaveLength(1);
    expect(again.added).toEqual([]);
  });
});
