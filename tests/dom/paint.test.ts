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
