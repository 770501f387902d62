/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { highlightName, Painter } from '../../dom/paint';
import { VERDICTS } from '../../lib/types';
import { rangeOver, setBody } from './page';

/** happy-dom has no CSS Custom Highlight API: a stand-in with the same shape. */
class FakeHighlight extends Set<Range> {
  priority = 0;
}
const win = window as unknown as {
  Highlight?: unknown;
  CSS: { highlights?: Map<string, FakeHighlight> };
};

const realCss = Object.getOwnPropertyDescriptor(window, 'CSS');

beforeEach(() => {
  win.Highlight = FakeHighlight;
  // happy-dom's window.CSS is a new object on each read: one of ours for the test.
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
  setBody('<p id="a">Russia annexed Crimea in 2014.</p><p id="b">Trump vowed to end the war.</p>');
});
afterEach(() => {
  delete win.Highlight;
  if (realCss) Object.defineProperty(window, 'CSS', realCss);
});

const size = (name: string) => win.CSS.highlights?.get(name)?.size ?? 0;

describe('Painter', () => {
  test.each([
    { what: 'one mark', add: [['#a', 'false']], remove: [], want: { false: 1 } },
    {
      what: 'two verdicts',
      add: [
        ['#a', 'false'],
        ['#b', 'accurate'],
      ],
      remove: [],
      want: { false: 1, accurate: 1 },
    },
    { what: 'added then removed', add: [['#a', 'false']], remove: [['#a', 'false']], want: {} },
  ] as const)('$what', ({ add, remove, want }) => {
    const painter = new Painter(document);
    const ranges = new Map<string, Range>();
    const r = (sel: string) =>
      ranges.get(sel) ??
      ranges.set(sel, rangeOver(sel, sel === '#a' ? 'Crimea' : 'Trump')).get(sel)!;
    for (const [sel, v] of add) painter.add(r(sel), v);
    for (const [sel, v] of remove) painter.remove(r(sel), v);
    for (const v of VERDICTS)
      expect(size(highlightName(v))).toBe((want as Record<string, number>)[v] ?? 0);
    painter.destroy();
  });

  test('the open mark is tinted, and only it', () => {
    const painter = new Painter(document);
    const a = rangeOver('#a', 'Crimea');
    painter.add(a, 'false');
    painter.setActive(a);
    expect(size('factmark-active')).toBe(1);
    painter.setActive(null);
    expect(size('factmark-active')).toBe(0);
    painter.destroy();
  });

  test('destroy leaves the document as it was: no highlight, no style sheet', () => {
    const sheets = document.adoptedStyleSheets.length;
    const serialize = () => new XMLSerializer().serializeToString(document.body);
    const html = serialize();
    const painter = new Painter(document);
    expect(document.adoptedStyleSheets.length).toBe(sheets + 1);
    painter.add(rangeOver('#a', 'Crimea'), 'false');
    painter.destroy();
    expect(win.CSS.highlights?.size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(sheets);
    expect(serialize()).toBe(html);
  });

  test('without the Highlight API it paints nothing and changes nothing', () => {
    delete win.Highlight;
    const painter = new Painter(document);
    painter.add(rangeOver('#a', 'Crimea'), 'false');
    expect(win.CSS.highlights?.size).toBe(0);
    painter.destroy();
  });
});

describe('Painter in shadow roots', () => {
  /** An open shadow root on a new host, holding a paragraph with this text. */
  const shadowWith = (id: string, text: string): ShadowRoot => {
    const host = document.createElement('x-story');
    host.id = id;
    document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = text;
    root.appendChild(p);
    return root;
  };
  const over = (root: ShadowRoot, text: string): Range => {
    const node = root.querySelector('p')?.firstChild as Text;
    const r = document.createRange();
    r.setStart(node, node.data.indexOf(text));
    r.setEnd(node, node.data.indexOf(text) + text.length);
    return r;
  };
  /** The sheet the painter adopted in the document (its last one). */
  const ours = () => document.adoptedStyleSheets.at(-1);

  test("a shadow root holding a mark adopts the painter's sheet once; others and the document's text do not", () => {
    const a = shadowWith('s1', 'The ceasefire between Israel and Hamas held.');
    const b = shadowWith('s2', 'Nothing marked in here.');
    const own = new CSSStyleSheet();
    a.adoptedStyleSheets = [own];
    const painter = new Painter(document);
    painter.add(rangeOver('#a', 'Crimea'), 'false');
    expect(b.adoptedStyleSheets).toEqual([]);
    painter.add(over(a, 'ceasefire'), 'false');
    painter.add(over(a, 'Hamas'), 'accurate');
    // The page's own sheet stays, first; ours once.
    expect(a.adoptedStyleSheets).toEqual([own, ours()]);
    expect(b.adoptedStyleSheets).toEqual([]);
    expect(size(highlightName('false'))).toBe(2);
    painter.destroy();
    expect(a.adoptedStyleSheets).toEqual([own]);
  });

  test('a shadow root whose host left the page is let go (its sheet removed)', () => {
    const a = shadowWith('s1', 'The ceasefire between Israel and Hamas held.');
    const b = shadowWith('s2', 'Russia annexed Crimea in 2014.');
    const painter = new Painter(document);
    const r = over(a, 'ceasefire');
    painter.add(r, 'false');
    expect(a.adoptedStyleSheets).toHaveLength(1);
    a.host.remove();
    painter.remove(r, 'false');
    expect(a.adoptedStyleSheets).toEqual([]);
    painter.add(over(b, 'Crimea'), 'false');
    expect(b.adoptedStyleSheets).toEqual([ours()]);
    painter.destroy();
    expect(b.adoptedStyleSheets).toEqual([]);
  });
});
