/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { blockContaining, extractChunks } from '../../dom/extract-text';
import { readInSlices } from '../../dom/read-page';
import { rangeFor } from '../../dom/text-range';
import { TaskClock } from '../../dom/timing';
import { isHost } from '../../dom/overlay-host';
import { setBody } from './page';

/** Gives the element `sel` an open (or closed) shadow root holding `html`. */
function shadow(sel: string, html: string, mode: ShadowRootMode = 'open'): ShadowRoot {
  const host = document.querySelector(sel);
  if (!host) throw new Error(`no ${sel}`);
  const root = host.attachShadow({ mode });
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const n of Array.from(parsed.body.childNodes))
    root.appendChild(document.importNode(n, true));
  return root;
}

const texts = (root: Node, onShadowRoot?: (r: ShadowRoot) => void) =>
  extractChunks(root, { exclude: isHost, onShadowRoot })
    .map((c) => c.text.trim())
    .filter(Boolean);

describe('reading enters open shadow roots', () => {
  test("in document order: a host's shadow tree at its place, then its own children", () => {
    setBody('<p>Before.</p><x-story id="s"><p>Light child.</p></x-story><p>After.</p>');
    const root = shadow('#s', '<h2>Shadow title</h2><p>Shadow <b>bold</b> text.</p><slot></slot>');
    const seen: ShadowRoot[] = [];
    expect(texts(document.body, (r) => seen.push(r))).toEqual([
      'Before.',
      'Shadow title',
      'Shadow bold text.',
      'Light child.',
      'After.',
    ]);
    expect(seen).toEqual([root]);
  });

  test('a built-in host deep in a list is read at its place', () => {
    setBody('<ul><li><a href="#x">Link</a><div id="li-host"></div></li></ul><p>End.</p>');
    shadow('#li-host', '<p>In the list.</p>');
    expect(texts(document.body)).toEqual(['Link', 'In the list.', 'End.']);
  });

  test('nested shadow roots, and text at the top of a shadow tree as its own block', () => {
    setBody('<div id="outer"></div><p>End.</p>');
    const outer = shadow('#outer', 'Top text of the outer tree.<x-inner id="in"></x-inner>');
    const host = outer.querySelector('#in') as Element;
    const inner = host.attachShadow({ mode: 'open' });
    inner.append('Inner top text. ', document.createElement('span'));
    (inner.lastChild as Element).textContent = 'Same block.';
    const chunks = extractChunks(document.body);
    expect(chunks.map((c) => c.text.trim())).toEqual([
      'Top text of the outer tree.',
      'Inner top text. Same block.',
      'End.',
    ]);
    // No chunk holds text of two trees, so a Range over it can be made.
    for (const c of chunks) {
      const roots = new Set(c.nodes.map((n) => n.getRootNode()));
      expect(roots.size).toBe(1);
      expect(rangeFor(c, 0, c.text.length, document)?.toString()).toBe(c.text);
    }
    expect(blockContaining(inner.lastChild as Node)).toBe(inner);
    expect(blockContaining(outer.firstChild as Node)).toBe(outer);
  });

  test('the same exclusions inside a shadow tree', () => {
    setBody('<x-story id="s"></x-story>');
    shadow(
      '#s',
      `<p>Kept in the shadow.</p><script>var x = "Russia annexed Crimea in 2014";</script>
      <style>p{}</style><textarea>typed text</textarea><input value="typed">
      <div contenteditable="true">draft text</div><p hidden>hidden text</p>
      <div aria-hidden="true">decor</div><factmark-overlay><p>ours</p></factmark-overlay>
      <p>Also kept.</p>`,
    );
    expect(texts(document.body)).toEqual(['Kept in the shadow.', 'Also kept.']);
  });

  test.each([
    { what: 'a hidden host', host: '<x-story id="s" hidden></x-story>' },
    { what: 'an aria-hidden host', host: '<x-story id="s" aria-hidden="true"></x-story>' },
    { what: 'a host in an editor', host: '<div contenteditable><x-story id="s"></x-story></div>' },
    { what: "Factmark's overlay host", host: '<factmark-overlay id="s"></factmark-overlay>' },
    { what: "Factmark's live region", host: '<factmark-live id="s"></factmark-live>' },
  ])('$what: its shadow tree is not read', ({ host }) => {
    setBody(`<p>Page.</p>${host}`);
    shadow('#s', '<p>Shadow text.</p>');
    const seen: ShadowRoot[] = [];
    expect(texts(document.body, (r) => seen.push(r))).toEqual(['Page.']);
    expect(seen).toEqual([]);
  });

  test('a closed shadow root is not read', () => {
    setBody('<p>Page.</p><x-story id="s"></x-story>');
    shadow('#s', '<p>Closed text.</p>', 'closed');
    expect(texts(document.body)).toEqual(['Page.']);
  });

  test('reading from a host, a shadow root or a block inside one (a changed block)', () => {
    setBody('<div aria-hidden="true"><x-story id="h"></x-story></div><x-story id="s"></x-story>');
    const root = shadow('#s', '<p id="p">In the shadow.</p>');
    shadow('#h', '<p id="q">Hidden host.</p>');
    const hidden = document.querySelector('#h')?.shadowRoot as ShadowRoot;
    expect(texts(document.querySelector('#s') as Element)).toEqual(['In the shadow.']);
    expect(texts(root)).toEqual(['In the shadow.']);
    expect(texts(root.querySelector('#p') as Element)).toEqual(['In the shadow.']);
    // Inside a host that is itself inside hidden content: nothing.
    expect(texts(hidden)).toEqual([]);
    expect(texts(hidden.querySelector('#q') as Element)).toEqual([]);
  });

  test('text in shadow roots counts against the page limit', async () => {
    setBody('<p>Light.</p><x-story id="s"></x-story><p>Never read.</p>');
    shadow('#s', Array.from({ length: 600 }, (_, i) => `<p>Shadow ${i}.</p>`).join(''));
    const got: string[] = [];
    const result = await readInSlices([document.body], {
      exclude: isHost,
      stopped: () => false,
      batchSentences: () => 50,
      onBatch: async (chunks) => void got.push(...chunks.map((c) => c.text)),
      clock: new TaskClock(),
      limit: { chars: 100_000, nodes: 250 },
    });
    expect(result.complete).toBe(false);
    expect(got[0]).toBe('Light.');
    // In order from the top, stopped within one read (200 text nodes) of the limit.
    expect(got.slice(1)).toEqual(Array.from({ length: got.length - 1 }, (_, i) => `Shadow ${i}.`));
    expect(got.length).toBeGreaterThanOrEqual(250);
    expect(got.length).toBeLessThanOrEqual(450);
    expect(result.nodes).toBe(got.length);
  });
});
