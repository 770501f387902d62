/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { ChunkReader, extractChunks } from '../../dom/extract-text';
import { rangeFor } from '../../dom/text-range';
import { pageDate } from '../../dom/page-meta';

function doc(html: string): Document {
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const n of Array.from(parsed.body.childNodes))
    document.body.appendChild(document.importNode(n, true));
  return document;
}

describe('extractChunks', () => {
  test('one chunk per block; inline elements stay inside their sentence', () => {
    doc(
      '<h1>Title</h1><p>Russia holds <a href="#">about 20 percent</a> of <em>Ukraine</em>.</p><p>Next.</p>',
    );
    const chunks = extractChunks(document.body);
    expect(chunks.map((c) => c.text)).toEqual([
      'Title',
      'Russia holds about 20 percent of Ukraine.',
      'Next.',
    ]);
  });

  test('skips scripts, styles, form fields, editable areas, hidden and code text', () => {
    doc(`<p>Kept.</p><script>var x = "Russia annexed Crimea in 2014";</script><style>p{}</style>
      <textarea>typed text</textarea><div contenteditable="true">draft text</div>
      <p hidden>hidden text</p><div aria-hidden="true">decor</div><pre>code text</pre><p>Also kept.</p>`);
    const text = extractChunks(document.body)
      .map((c) => c.text.trim())
      .filter(Boolean);
    expect(text).toEqual(['Kept.', 'Also kept.']);
  });

  test("excluded elements (Factmark's own UI) are not read", () => {
    doc('<p>Page.</p><factmark-overlay><span>ours</span></factmark-overlay>');
    const text = extractChunks(document.body, {
      exclude: (el) => el.tagName === 'FACTMARK-OVERLAY',
    });
    expect(text.map((c) => c.text)).toEqual(['Page.']);
  });

  test('offsets map back to the exact text across node boundaries', () => {
    doc('<p>Trump has vowed to <b>end the war</b> within 24 hours.</p>');
    const [chunk] = extractChunks(document.body);
    if (!chunk) throw new Error('no chunk');
    const start = chunk.text.indexOf('vowed');
    const end = chunk.text.indexOf(' within');
    const range = rangeFor(chunk, start, end);
    expect(range?.toString()).toBe('vowed to end the war');
  });

  test('reading the page does not change it', () => {
    doc('<p>Russia annexed <i>Crimea</i> in 2014.</p>');
    const serialize = () => new XMLSerializer().serializeToString(document.body);
    const before = serialize();
    extractChunks(document.body);
    expect(document.body.textContent).toBe('Russia annexed Crimea in 2014.');
    expect(serialize()).toBe(before);
  });
});

describe('pageDate', () => {
  test('reads article:published_time, then JSON-LD, then <time>', () => {
    document.head.replaceChildren();
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'article:published_time');
    meta.setAttribute('content', '2025-11-21T09:30:00Z');
    document.head.appendChild(meta);
    expect(pageDate(document)).toBe('2025-11-21');
    document.head.replaceChildren();
    const ld = document.createElement('script');
    ld.type = 'application/ld+json';
    ld.textContent = '{"@graph":[{"@type":"NewsArticle","datePublished":"2024-03-02T10:00:00Z"}]}';
    document.head.appendChild(ld);
    expect(pageDate(document)).toBe('2024-03-02');
    ld.textContent = '{not json';
    expect(pageDate(document)).toBeUndefined();
  });

  test('the most trusted meta name wins wherever it stands; an unreadable one is passed over', () => {
    document.head.replaceChildren();
    const add = (attr: string, value: string, content: string) => {
      const m = document.createElement('meta');
      m.setAttribute(attr, value);
      m.setAttribute('content', content);
      document.head.appendChild(m);
    };
    add('name', 'date', '2020-01-05');
    add('property', 'article:published_time', '2025-11-21T09:30:00Z');
    expect(pageDate(document)).toBe('2025-11-21');
    document.head.replaceChildren();
    add('property', 'article:published_time', 'last Tuesday');
    add('itemprop', 'datePublished', '2023-07-14');
    add('name', 'date', '2020-01-05');
    expect(pageDate(document)).toBe('2023-07-14');
    document.head.replaceChildren();
  });
});

describe('reading part of a page', () => {
  test('a root inside an editable area or hidden content yields nothing', () => {
    doc(
      '<div contenteditable="true"><p id="typed">Russia annexed Crimea in 2014.</p></div><div hidden><p id="h">Hidden text.</p></div><p id="ok">Shown.</p>',
    );
    for (const id of ['typed', 'h']) {
      const el = document.getElementById(id);
      if (!el) throw new Error(id);
      expect(extractChunks(el)).toEqual([]);
    }
    const ok = document.getElementById('ok');
    if (!ok) throw new Error('ok');
    expect(extractChunks(ok).map((c) => c.text)).toEqual(['Shown.']);
  });
});

describe('a very long text node', () => {
  // One text node of ~110,000 characters (a book pasted into one <p>, or a hostile page).
  const filler = 'The committee met again on Thursday to discuss the budget. ';
  const claim = 'Russia annexed Crimea in 2014.';
  const data = `${filler.repeat(1000)}${claim} ${filler.repeat(800)}`;

  test('is read in pieces of at most 8,000 characters, one per read, losing no text', () => {
    doc(`<p>Before.</p><p>${data}</p><p>After.</p>`);
    const reader = new ChunkReader(document.body);
    const first = reader.read(200);
    // "Before." ends with the long node's first piece; the rest comes one piece per call.
    expect(first.map((c) => c.text.length)).toEqual([7, expect.any(Number)]);
    const second = reader.read(200);
    expect(second).toHaveLength(1);
    const chunks = extractChunks(document.body);
    expect(chunks[0]?.text).toBe('Before.');
    expect(chunks[chunks.length - 1]?.text).toBe('After.');
    const pieces = chunks.slice(1, -1);
    expect(pieces.length).toBeGreaterThanOrEqual(14);
    for (const c of pieces) expect(c.text.length).toBeLessThanOrEqual(8_000);
    expect(pieces.map((c) => c.text).join('')).toBe(data);
  });

  test('a sentence in a later piece maps back to its own words in the node', () => {
    doc(`<p>${data}</p>`);
    const chunks = extractChunks(document.body);
    const c = chunks.find((x) => x.text.includes(claim));
    if (!c) throw new Error('claim not read');
    expect(chunks.indexOf(c)).toBeGreaterThan(0);
    const at = c.text.indexOf(claim);
    expect(rangeFor(c, at, at + claim.length)?.toString()).toBe(claim);
  });
});

describe('line breaks', () => {
  test('<br> separates lines, so a headline and the next line are not one sentence', () => {
    doc('<p>Russia annexed Crimea<br>In 2014 markets fell.</p>');
    expect(extractChunks(document.body).map((c) => c.text)).toEqual([
      'Russia annexed Crimea',
      'In 2014 markets fell.',
    ]);
  });
});

describe('text hidden by CSS', () => {
  /** The texts read from `html` under the page style `css`. */
  const readUnder = (css: string, html: string): string[] => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
    try {
      return extractChunks(doc(html).body).map((c) => c.text);
    } finally {
      style.remove();
    }
  };

  test('is not read (display: none, visibility: hidden), but display: contents is', () => {
    const read = readUnder(
      '.gone{display:none}.inv{visibility:hidden}.c{display:contents}',
      '<p>Seen one.</p><div class="gone"><p>Gone one.</p></div><p class="inv">Invisible one.</p>' +
        '<p style="display:none">Inline gone.</p><div class="c"><p>Contents one.</p></div>',
    );
    expect(read).toEqual(['Seen one.', 'Contents one.']);
  });

  test('display: contents is as visible as its parent, nested too', () => {
    const read = readUnder(
      '.gone{display:none}.c{display:contents}',
      '<div class="gone"><span class="c"><b class="c">Gone through contents.</b></span></div>' +
        '<section class="c"><span class="c">Contents in contents.</span></section>',
    );
    expect(read).toEqual(['Contents in contents.']);
  });
});
