/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Annotator } from '../../dom/annotator';
import type { SentenceTexts } from '../../lib/batched-match';
import type { MarkFilter } from '../../dom/marks';
import { HOST_TAG } from '../../dom/overlay-host';
import type { Strictness } from '../../lib/types';
import type { MatchReply } from '../../utils/messages';
import { match, record, setBody, sleep } from './page';

/**
 * The annotator wired to a stand-in matcher: "Crimea" is a claim shown at Balanced and Broad,
 * "Trump" one shown at Broad only. The matcher answers with spans relative to each sentence.
 */
const CLAIMS = [
  { word: 'Crimea', claim: record('crimea', 'accurate'), at: ['balanced', 'broad'] },
  { word: 'Trump', claim: record('trump', 'false'), at: ['broad'] },
] as const;

let requests: { sentences: SentenceTexts; strictnesses: Strictness[] }[] = [];
async function fakeMatch(
  sentences: SentenceTexts,
  strictnesses: Strictness[],
): Promise<MatchReply> {
  requests.push({ sentences, strictnesses });
  const reply: MatchReply = { matches: [], shownAt: [], claims: { bundled: {} } };
  sentences.forEach((s, i) => {
    CLAIMS.forEach((c, row) => {
      const at = s.text.indexOf(c.word);
      const shownAt = (c.at as readonly Strictness[]).filter((x) => strictnesses.includes(x));
      if (at < 0 || shownAt.length === 0) return;
      reply.matches.push(match({ sentence: i, row, start: at, end: at + c.word.length }));
      reply.shownAt.push(shownAt);
      (reply.claims.bundled as Record<number, unknown>)[row] = c.claim;
    });
  });
  return reply;
}

const PAGE =
  '<p>Russia annexed Crimea in 2014, officials said.</p><p>Menu</p>' +
  '<p>Trump vowed to end the war within 24 hours.</p>';
const ALL_VERDICTS = ['accurate', 'false'] as const;

let annotator: Annotator | null = null;
beforeEach(() => {
  requests = [];
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
    () => [new DOMRect(10, 20, 100, 16)] as unknown as DOMRectList,
  );
});
afterEach(() => {
  annotator?.destroy();
  vi.restoreAllMocks();
});

function start(filter: MarkFilter): Annotator {
  annotator = new Annotator(document, { match: fakeMatch, css: '', filter });
  return annotator;
}
const markers = () =>
  Array.from(
    document.querySelector(HOST_TAG)?.shadowRoot?.querySelectorAll('[data-factmark-claim]') ?? [],
  ).map((e) => e.getAttribute('data-factmark-claim'));

describe('Annotator', () => {
  test('sends each block’s sentences, long enough to mark, with their text and block: at the current strictness, then at the others', async () => {
    setBody(PAGE);
    await start({ strictness: 'balanced', verdicts: ALL_VERDICTS }).scanAll();
    const sentences = [
      { text: 'Russia annexed Crimea in 2014, officials said.', block: 0 },
      // The menu between them is its own block (1), too short to send.
      { text: 'Trump vowed to end the war within 24 hours.', block: 2 },
    ];
    expect(requests).toEqual([
      { sentences, strictnesses: ['balanced'] },
      { sentences, strictnesses: ['strict', 'broad'] },
    ]);
  });

  test.each([
    { filter: { strictness: 'balanced', verdicts: ALL_VERDICTS }, want: ['crimea'] },
    { filter: { strictness: 'broad', verdicts: ALL_VERDICTS }, want: ['crimea', 'trump'] },
    { filter: { strictness: 'broad', verdicts: ['false'] }, want: ['trump'] },
    { filter: { strictness: 'strict', verdicts: ALL_VERDICTS }, want: [] },
  ] as const)('$filter.strictness, $filter.verdicts -> $want', async ({ filter, want }) => {
    setBody(PAGE);
    const a = start(filter);
    await a.scanAll();
    await sleep(200);
    expect(markers()).toEqual(want);
    expect(a.claims.map((c) => c.id)).toEqual(want);
  });

  test('show applies another filter to the marks found, asking the matcher nothing', async () => {
    setBody(PAGE);
    const a = start({ strictness: 'balanced', verdicts: ALL_VERDICTS });
    await a.scanAll();
    await sleep(50);
    const asked = requests.length;
    a.show({ strictness: 'broad', verdicts: ALL_VERDICTS });
    await sleep(200);
    expect(markers()).toEqual(['crimea', 'trump']);
    a.show({ strictness: 'balanced', verdicts: ['false'] });
    await sleep(200);
    expect(markers()).toEqual([]);
    a.show({ strictness: 'balanced', verdicts: ALL_VERDICTS });
    await sleep(200);
    expect(markers()).toEqual(['crimea']);
    expect(requests).toHaveLength(asked);
  });

  test('a match in both replies is one mark, shown at the settings of both', async () => {
    setBody(PAGE);
    const a = start({ strictness: 'broad', verdicts: ALL_VERDICTS });
    await a.scanAll();
    await sleep(50);
    a.show({ strictness: 'balanced', verdicts: ALL_VERDICTS });
    await sleep(200);
    expect(markers()).toEqual(['crimea']);
    a.show({ strictness: 'broad', verdicts: ALL_VERDICTS });
    await sleep(200);
    expect(markers()).toEqual(['crimea', 'trump']);
  });

  test('text added later is read on its own and marked', async () => {
    setBody('<div id="feed"><p>Nothing to see in this first paragraph here.</p></div>');
    const a = start({ strictness: 'balanced', verdicts: ALL_VERDICTS });
    await a.scanAll();
    a.observe();
    const p = document.createElement('p');
    p.textContent = 'Later, Russia annexed Crimea in 2014, they said.';
    document.querySelector('#feed')?.appendChild(p);
    await sleep(300);
    expect(requests.at(-1)?.sentences).toEqual([
      { text: 'Later, Russia annexed Crimea in 2014, they said.', block: 0 },
    ]);
    expect(markers()).toEqual(['crimea']);
  });

  test('a page with nothing to mark gets no UI', async () => {
    setBody('<p>Nothing here is a claim that anyone has checked.</p>');
    await start({ strictness: 'balanced', verdicts: ALL_VERDICTS }).scanAll();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  test('destroy leaves the page as it was', async () => {
    setBody(PAGE);
    const serialize = () => new XMLSerializer().serializeToString(document.documentElement);
    const before = serialize();
    const a = start({ strictness: 'broad', verdicts: ALL_VERDICTS });
    await a.scanAll();
    await sleep(200);
    expect(markers()).toEqual(['crimea', 'trump']);
    a.destroy();
    expect(serialize()).toBe(before);
  });
});

describe('Annotator and open shadow roots', () => {
  const host = (id: string): ShadowRoot =>
    (document.querySelector(`#${id}`) as Element).attachShadow({ mode: 'open' });
  const para = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

  test('text in a shadow root is read and marked at its host’s place', async () => {
    setBody('<x-story id="s"></x-story><p>Russia annexed Crimea in 2014, officials said.</p>');
    host('s').appendChild(para('Trump vowed to end the war within 24 hours.'));
    await start({ strictness: 'broad', verdicts: ALL_VERDICTS }).scanAll();
    await sleep(200);
    expect(markers()).toEqual(['trump', 'crimea']);
  });

  test('a shadow root filled after the reading, and a host added later, are marked', async () => {
    setBody('<x-story id="s"></x-story><div id="feed"></div>');
    const root = host('s');
    const a = start({ strictness: 'broad', verdicts: ALL_VERDICTS });
    await a.scanAll();
    a.observe();
    expect(markers()).toEqual([]);
    root.appendChild(para('Later, Russia annexed Crimea in 2014, they said.'));
    await sleep(300);
    expect(markers()).toEqual(['crimea']);
    const card = document.createElement('x-card');
    card.attachShadow({ mode: 'open' }).appendChild(para('Trump vowed to end the war soon.'));
    document.querySelector('#feed')?.appendChild(card);
    await sleep(300);
    expect(markers()).toEqual(['crimea', 'trump']);
    // Its text changed: the mark goes with it.
    (card.shadowRoot?.querySelector('p') as Element).textContent = 'Nothing checked here at all.';
    await sleep(300);
    expect(markers()).toEqual(['crimea']);
  });
});
