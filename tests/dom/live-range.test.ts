/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { extractChunks } from '../../dom/extract-text';
import { compareRanges, containsComposed, isLive, liveRange } from '../../dom/live-range';
import { mergeMarks, type Mark } from '../../dom/marks';
import { rangeFor } from '../../dom/text-range';
import { markOn, rangeOver, record, setBody } from './page';

/**
 * The React report (issue 14): "Failed to execute 'compareBoundaryPoints' on 'Range': The
 * source range is in a different document than this range." Chromium (and the DOM standard)
 * throw that whenever the two Ranges are not in the same tree. happy-dom does not, so the
 * two comparisons are made to behave as Chromium's do for these tests.
 */
const WRONG_DOCUMENT =
  "Failed to execute 'compareBoundaryPoints' on 'Range': The source range is in a different document than this range.";

beforeEach(() => {
  const cbp = Range.prototype.compareBoundaryPoints;
  vi.spyOn(Range.prototype, 'compareBoundaryPoints').mockImplementation(function (
    this: Range,
    how: number,
    other: Range,
  ) {
    if (this.startContainer.getRootNode() !== other.startContainer.getRootNode())
      throw new DOMException(WRONG_DOCUMENT, 'WrongDocumentError');
    return cbp.call(this, how, other);
  });
  const cp = Range.prototype.comparePoint;
  vi.spyOn(Range.prototype, 'comparePoint').mockImplementation(function (
    this: Range,
    node: Node,
    offset: number,
  ) {
    if (this.startContainer.getRootNode() !== node.getRootNode())
      throw new DOMException(
        'The node provided and the range are in different documents.',
        'WrongDocumentError',
      );
    return cp.call(this, node, offset);
  });
});
afterEach(() => vi.restoreAllMocks());

/** A page with text in the document, in an open shadow root, and after it. */
function shadowPage(): { shadowRange: Range } {
  setBody('<p id="a">Alpha claim here.</p><div id="host"></div><p id="c">Gamma claim here.</p>');
  const host = document.querySelector('#host') as HTMLElement;
  const root = host.attachShadow({ mode: 'open' });
  const p = document.createElement('p');
  p.textContent = 'Beta claim in a shadow root.';
  root.appendChild(p);
  const r = document.createRange();
  r.setStart(p.firstChild as Text, 0);
  r.setEnd(p.firstChild as Text, 4);
  return { shadowRange: r };
}

describe('the cause: a Range over text the page replaced after it was read', () => {
  test('built the old way it lives in the detached tree and comparing it throws', () => {
    setBody('<div id="list"><p id="a">Alpha claim here.</p><p id="b">Beta claim here.</p></div>');
    const [, chunk] = extractChunks(document.body);
    if (!chunk) throw new Error('no chunk');
    const marked = markOn('a', rangeOver('#a', 'claim'), record('a'));
    // A framework re-renders: a fresh <p> replaces the one read, while the reply is on its way.
    const fresh = document.createElement('p');
    fresh.textContent = 'Beta claim here.';
    document.querySelector('#b')?.replaceWith(fresh);
    // What text-range.ts did before: a Range straight over the chunk's (now detached) nodes.
    const old = document.createRange();
    old.setStart(chunk.nodes[0] as Text, 0);
    old.setEnd(chunk.nodes[0] as Text, 4);
    expect(old.collapsed).toBe(false);
    // What marks.ts compared marks with: this is the reported exception.
    expect(() => old.compareBoundaryPoints(Range.START_TO_START, marked.range)).toThrow(
      WRONG_DOCUMENT,
    );
    // Now: no Range at all for text that is no longer in the document, and sorting marks
    // never throws, even with such a Range among them.
    expect(rangeFor(chunk, 0, 4, document)).toBeNull();
    const sorted = mergeMarks([marked], [markOn('b', old, record('b'))]);
    expect(sorted.map((m) => m.key)).toEqual(['a', 'b']);
  });

  test('a text node rewritten in place after it was read gives no Range', () => {
    setBody('<p id="a">Alpha claim here.</p>');
    const [chunk] = extractChunks(document.body);
    if (!chunk) throw new Error('no chunk');
    // React sets a single text child's nodeValue: the same node, other text.
    (chunk.nodes[0] as Text).data = 'Other words, longer than before.';
    expect(rangeFor(chunk, 6, 11, document)).toBeNull();
  });

  test('a chunk whose nodes are still there gives a live Range', () => {
    setBody('<p id="a">Alpha claim here.</p>');
    const [chunk] = extractChunks(document.body);
    if (!chunk) throw new Error('no chunk');
    const r = rangeFor(chunk, 0, 5, document);
    expect(r?.toString()).toBe('Alpha');
    expect(r && isLive(r, document)).toBe(true);
  });
});

describe('isLive / liveRange: only text of this document, not empty', () => {
  test.each([
    { what: 'text in the page', make: () => rangeOver('#a', 'claim'), want: true },
    {
      what: 'text the page removed',
      make: () => {
        const r = rangeOver('#a', 'claim');
        document.querySelector('#a')?.remove();
        return r;
      },
      want: false,
    },
    {
      what: 'an empty range',
      make: () => {
        const r = rangeOver('#a', 'claim');
        r.collapse(true);
        return r;
      },
      want: false,
    },
    {
      what: 'text of another document',
      make: () => {
        const other = document.implementation.createHTMLDocument('other');
        const p = other.createElement('p');
        p.textContent = 'Elsewhere claim.';
        other.body.appendChild(p);
        const r = other.createRange();
        r.selectNodeContents(p);
        return r;
      },
      want: false,
    },
    { what: 'text in an open shadow root', make: () => shadowPage().shadowRange, want: true },
  ])('$what -> $want', ({ make, want }) => {
    setBody('<p id="a">Alpha claim here.</p>');
    expect(isLive(make(), document)).toBe(want);
  });

  test('points in two different trees make no Range', () => {
    const { shadowRange } = shadowPage();
    const a = { node: document.querySelector('#a')?.firstChild as Node, offset: 0 };
    const b = { node: shadowRange.startContainer, offset: 2 };
    expect(liveRange(document, a, b)).toBeNull();
  });
});

describe('compareRanges: document order across shadow roots, never a throw', () => {
  test('marks in the document, a shadow root and a detached tree sort without throwing', () => {
    const { shadowRange } = shadowPage();
    const a = markOn('a', rangeOver('#a', 'Alpha'), record('a'));
    const beta = markOn('beta', shadowRange, record('beta'));
    const c = markOn('c', rangeOver('#c', 'Gamma'), record('c'));
    const lost = rangeOver('#c', 'claim');
    document.querySelector('#c')?.replaceWith(document.createElement('p'));
    const gone = markOn('gone', lost, record('gone'));
    const marks: Mark[] = mergeMarks([], [gone, c, beta, a]);
    // The detached one sorts after everything on the page (and is dropped as gone anyway).
    expect(marks.map((m) => m.key)).toEqual(['a', 'beta', 'c', 'gone']);
  });

  test('a shadow-root range comes after the text before its host and before the text after', () => {
    const { shadowRange } = shadowPage();
    expect(compareRanges(rangeOver('#a', 'Alpha'), shadowRange)).toBe(-1);
    expect(compareRanges(shadowRange, rangeOver('#c', 'Gamma'))).toBe(-1);
    expect(compareRanges(shadowRange, shadowRange)).toBe(0);
  });

  test('containsComposed sees into shadow roots', () => {
    const { shadowRange } = shadowPage();
    const host = document.querySelector('#host') as Node;
    expect(host.contains(shadowRange.startContainer)).toBe(false);
    expect(containsComposed(host, shadowRange.startContainer)).toBe(true);
    expect(containsComposed(document.querySelector('#a') as Node, shadowRange.startContainer)).toBe(
      false,
    );
  });
});
