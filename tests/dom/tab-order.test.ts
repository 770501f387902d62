/** @vitest-environment happy-dom */
import { describe, expect, test, vi } from 'vitest';
import { tabStop } from '../../dom/tab-order';
import { markOn, rangeOver, record, setBody } from './page';

/**
 * Where Tab goes with markers in reading order: a marker's place is its mark's end, between
 * the page's own focusable elements. (happy-dom lays nothing out: every element counts as
 * visible here.)
 */
function page() {
  const doc = setBody(`
    <a id="nav" href="/">Home</a>
    <p id="p1">Russia annexed Crimea in 2014, the report says.</p>
    <p id="p2">Read <a id="mid" href="/x">the report</a> and the claim that Trump vowed to end the war.</p>
    <textarea id="box"></textarea>`);
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('a, textarea')))
    vi.spyOn(el, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
  const m1 = markOn('m1', rangeOver('#p1', 'Russia annexed Crimea in 2014'), record('crimea'));
  const tail = doc.querySelector('#p2')?.lastChild as Text;
  const r = doc.createRange();
  r.setStart(tail, tail.data.indexOf('Trump'));
  r.setEnd(tail, tail.data.indexOf(' to end'));
  const m2 = markOn('m2', r, record('trump'));
  const el = (id: string) => doc.getElementById(id) as HTMLElement;
  return { doc, marks: [m1, m2], el };
}

const name = (s: ReturnType<typeof tabStop>) =>
  !s ? null : 'mark' in s ? s.mark.key : `#${s.el.id}`;

describe('tabStop: markers in reading order', () => {
  test.each([
    [
      'from the menu link, forward: the first marker before the next link',
      { el: 'nav' },
      false,
      'm1',
    ],
    ['from the first marker: the link in the next paragraph', { mark: 0 }, false, '#mid'],
    ['from the link mid-sentence: the marker at that sentence end', { el: 'mid' }, false, 'm2'],
    ['from the last marker: the comment box', { mark: 1 }, false, '#box'],
    ['back from the comment box: the last marker', { el: 'box' }, true, 'm2'],
    ['back from the last marker: the link before it', { mark: 1 }, true, '#mid'],
    ['back from the first marker: the menu link', { mark: 0 }, true, '#nav'],
  ] as const)('%s', (_what, from, back, want) => {
    const { doc, marks, el } = page();
    const f = 'el' in from ? { el: el(from.el) } : { mark: marks[from.mark]! };
    expect(name(tabStop(doc, marks, f, back))).toBe(want);
  });

  test('from nowhere (the page start): the first stop in the page', () => {
    const { doc, marks } = page();
    expect(name(tabStop(doc, marks, null, false))).toBe('#nav');
  });
});

/**
 * A mark inside an open shadow root, with a link after it in the same shadow tree:
 * `#nav`, then the host's shadow tree (mark `s1`, link `#in`), then `#after`.
 */
function shadowPage() {
  const doc = setBody(`<a id="nav" href="/">Home</a><x-story id="s"></x-story>
    <p>Then <a id="after" href="/y">another link</a>.</p>`);
  const root = (doc.querySelector('#s') as Element).attachShadow({ mode: 'open' });
  const p = doc.createElement('p');
  p.append('The ceasefire between Israel and Hamas held. ');
  const link = doc.createElement('a');
  link.id = 'in';
  link.href = '/in';
  link.textContent = 'More';
  p.append(link);
  root.append(p);
  for (const a of [...Array.from(doc.querySelectorAll('a')), link])
    vi.spyOn(a, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
  const text = p.firstChild as Text;
  const r = doc.createRange();
  r.setStart(text, 4);
  r.setEnd(text, text.data.indexOf(' held'));
  const mark = markOn('s1', r, record('gaza'));
  return { doc, mark, link, el: (id: string) => doc.getElementById(id) as HTMLElement };
}

describe('tabStop: marks and links in open shadow roots', () => {
  // happy-dom's Range.comparePoint is wrong for two points inside one shadow tree (0 for a
  // point after another), so the moves inside a shadow tree are checked in Chromium
  // (tests/e2e/frames.test.ts); here, from the light DOM into one.
  test('from the menu link: the mark in the shadow tree, before the link after its host', () => {
    const { doc, mark, el } = shadowPage();
    expect(name(tabStop(doc, [mark], { el: el('nav') }, false))).toBe('s1');
    expect(name(tabStop(doc, [], { el: el('nav') }, false))).toBe('#in');
  });
});
