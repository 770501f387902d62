import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../tools/browser-harness';
import {
  HOST_TAG,
  focusedClaim,
  markedClaims,
  useBrowser,
  waitForMarks,
  waitForScans,
} from './helpers';
import { collectErrors } from './page-checks';

/**
 * What Factmark reads (README "Pages Factmark handles"): the top document only (the content
 * script has no `allFrames`), so text in a same-origin or a cross-origin iframe is not read
 * and nothing of Factmark's is added to a frame; inside the top document, the text of open
 * shadow roots is read, marked (with the highlight style sheet adopted by the shadow root),
 * reached by Tab, and observed (a shadow root filled or a component defined after the load
 * is marked without a reload). A closed shadow root is not read.
 */
const e = useBrowser();
let other: StaticServer;

const P = (claim: string) =>
  ({
    crimea:
      'Russia annexed the Crimean peninsula in 2014 after a referendum that Kyiv and most of the world rejected.',
    fifth:
      'Moscow currently controls roughly one-fifth of Ukraine\u2019s territory, including Crimea and parts of the Donbas.',
    trump:
      'During the campaign, Donald Trump repeatedly promised that he would end the war between Russia and Ukraine within 24 hours.',
    gaza: 'White House officials again pointed to the ceasefire between Israel and Hamas in Gaza, which they credit President Trump with brokering.',
    regions:
      'In September 2022 the Kremlin declared that it had annexed four Ukrainian regions: Donetsk, Luhansk, Zaporizhzhia and Kherson.',
    plan: 'The US peace plan has 28 points and asks Ukraine to give up territory and shrink its army.',
  })[claim] as string;

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-11-22T07:15:00Z"}</script>
    <title>Ukraine peace plan: what we know</title></head><body>`;

const inner = (claim: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><p>${P(claim)}</p></body></html>`;

beforeAll(async () => {
  // A second origin: another port on 127.0.0.1.
  other = await serveStatic('tests/fixtures/pages');
  other.put('/frames/cross.html', inner('trump'));
  e().server.put('/frames/same.html', inner('fifth'));
  e().server.put(
    '/frames/top.html',
    `${HEAD}
    <h1>Ukraine peace plan: what we know</h1>
    <p>${P('crimea')}</p>
    <iframe id="same" src="/frames/same.html" width="600" height="120"></iframe>
    <iframe id="cross" src="${other.origin}/frames/cross.html" width="600" height="120"></iframe>
    <p><a id="before" href="/before">Before the story</a></p>
    <fm-story id="story"><p id="unslotted">${P('trump')}</p></fm-story>
    <fm-closed id="closed"></fm-closed>
    <p><a id="after" href="/after">After the story</a></p>
    <script>
      customElements.define('fm-story', class extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'open' });
          const p = document.createElement('p');
          p.textContent = ${JSON.stringify(P('gaza'))} + ' ';
          const a = document.createElement('a');
          a.href = '/in-story';
          a.textContent = 'More';
          p.append(a);
          root.appendChild(p);
        }
      });
      customElements.define('fm-closed', class extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'closed' });
          const p = document.createElement('p');
          p.textContent = ${JSON.stringify(P('regions'))};
          root.appendChild(p);
          window.closedText = () => root.textContent;
        }
      });
    </script></body></html>`,
  );
  // Components that arrive after the page has been read: one defined later (upgraded, with
  // its shadow root then), one added later whose shadow root is filled later still.
  e().server.put(
    '/frames/late.html',
    `${HEAD}
    <h1>Ukraine peace plan: what we know</h1>
    <p>${P('crimea')}</p>
    <fm-late id="late"></fm-late>
    <div id="feed"></div>
    <script>
      window.defineLate = () => customElements.define('fm-late', class extends HTMLElement {
        constructor() {
          super();
          const p = document.createElement('p');
          p.textContent = ${JSON.stringify(P('plan'))};
          this.attachShadow({ mode: 'open' }).appendChild(p);
        }
      });
      window.addEmpty = () => {
        const host = document.createElement('div');
        host.id = 'card';
        host.attachShadow({ mode: 'open' });
        document.querySelector('#feed').appendChild(host);
      };
      window.fillLater = () => {
        const p = document.createElement('p');
        p.textContent = ${JSON.stringify(P('fifth'))};
        document.querySelector('#card').shadowRoot.appendChild(p);
      };
    </script></body></html>`,
  );
});
afterAll(async () => other?.close());

/** Factmark's User Timing marks and hosts in a frame: any means its content script ran there. */
function traces(frame: Frame): Promise<{ marks: number; hosts: number }> {
  return frame.evaluate(
    (tag) => ({
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('factmark'))
        .length,
      hosts: document.querySelectorAll(tag).length,
    }),
    HOST_TAG,
  );
}

/** What the host `sel`'s shadow root shows of Factmark: its highlighted text and our sheet. */
function shadowPaint(page: Page, sel: string) {
  return page.evaluate((s) => {
    const root = document.querySelector(s)?.shadowRoot;
    const ranges: string[] = [];
    for (const [name, h] of CSS.highlights)
      for (const r of h)
        if (r instanceof Range && r.startContainer.getRootNode() === root)
          ranges.push(`${name}: ${r.toString()}`);
    const sheets = Array.from(root?.adoptedStyleSheets ?? [], (sh) =>
      Array.from(sh.cssRules, (r) => r.cssText).join('\n'),
    );
    return { ranges, ours: sheets.filter((t) => t.includes('::highlight(factmark-')).length };
  }, sel);
}

/**
 * A screenshot of the element once it has stopped changing (two in a row alike), Factmark's
 * markers masked (a marker may move by a fraction of a pixel when the page's styles change).
 */
async function settled(loc: Locator): Promise<Buffer> {
  const shot = () => loc.screenshot({ mask: [loc.page().locator(`${HOST_TAG} .fm-marker`)] });
  let last = await shot();
  for (let i = 0; i < 20; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    const next = await shot();
    if (next.equals(last)) return next;
    last = next;
  }
  return last;
}

/** What has focus, through shadow roots: a marker (`mark:<claim>`), else the element's href. */
const stop = (page: Page) =>
  page.evaluate((tag) => {
    let a = document.activeElement;
    if (a?.tagName.toLowerCase() === tag)
      return `mark:${a.shadowRoot?.activeElement?.getAttribute('data-factmark-claim') ?? '?'}`;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.getAttribute('href') ?? a?.tagName.toLowerCase() ?? 'none';
  }, HOST_TAG);

describe('frames and shadow roots', () => {
  let page: Page;
  let errors: string[];

  test('the top document is read with its open shadow roots: no iframe, same- or cross-origin, nor a closed shadow root', async () => {
    page = await e().context.newPage();
    errors = collectErrors(page);
    await page.goto(`${e().server.origin}/frames/top.html`);
    await waitForMarks(page, 2);
    await waitForScans(page);
    await page.waitForTimeout(500);
    expect(await markedClaims(page)).toEqual(['gaza-ceasefire-trump', 'ru-annexed-crimea-2014']);
    const same = page.frame({ url: /\/frames\/same\.html$/ });
    const cross = page.frame({ url: /\/frames\/cross\.html$/ });
    expect(same && cross).toBeTruthy();
    // The frames' own text is there (so not marking it is a decision, not a load failure).
    expect(await same?.textContent('p')).toContain('one-fifth');
    expect(await cross?.textContent('p')).toContain('24 hours');
    expect(await traces(same as Frame)).toEqual({ marks: 0, hosts: 0 });
    expect(await traces(cross as Frame)).toEqual({ marks: 0, hosts: 0 });
    expect((await traces(page.mainFrame())).marks).toBeGreaterThan(0);
    // The host's own child, which its shadow tree has no <slot> for, is not shown: not read.
    expect(await page.locator('#unslotted').isVisible()).toBe(false);
    // The closed shadow root's text is on the page, unmarked.
    expect(
      await page.evaluate(() => (window as unknown as { closedText: () => string }).closedText()),
    ).toContain('four Ukrainian regions');
    expect(errors).toEqual([]);
  });

  test('the mark in the shadow root is painted there: its highlight, and our sheet adopted by that root', async () => {
    const paint = await shadowPaint(page, '#story');
    // The whole sentence, in the verdict's highlight (Needs context).
    expect(paint.ranges).toEqual([`factmark-needs-context: ${P('gaza')}`]);
    expect(paint.ours).toBe(1);
    // The sheet adopted by the shadow root paints its text by itself: without the document's
    // copy the shadow text looks the same (the light paragraph loses its underline), without
    // both it loses its underline. (Chromium 156 also carries the document's rules into a
    // shadow tree by highlight inheritance; a browser without it needs the shadow root's.)
    await page.mouse.move(0, 0);
    const shadowPara = page.locator('#story p:not(#unslotted)');
    const lightPara = page.locator('body > p').first();
    const marked = { shadow: await settled(shadowPara), light: await settled(lightPara) };
    const drop = (where: 'document' | 'root') =>
      page.evaluate((w) => {
        const at =
          w === 'document'
            ? document
            : (document.querySelector('#story')?.shadowRoot as ShadowRoot);
        const ours = at.adoptedStyleSheets.filter((sh) =>
          Array.from(sh.cssRules).some((r) => r.cssText.includes('::highlight(factmark-')),
        );
        at.adoptedStyleSheets = at.adoptedStyleSheets.filter((sh) => !ours.includes(sh));
        const kept = window as unknown as { dropped?: [typeof at, CSSStyleSheet[]][] };
        (kept.dropped ??= []).push([at, ours]);
        return ours.length;
      }, where);
    expect(await drop('document')).toBe(1);
    expect((await settled(shadowPara)).equals(marked.shadow)).toBe(true);
    expect((await settled(lightPara)).equals(marked.light)).toBe(false);
    expect(await drop('root')).toBe(1);
    expect((await settled(shadowPara)).equals(marked.shadow)).toBe(false);
    await page.evaluate(() => {
      const kept = window as unknown as { dropped: [Document | ShadowRoot, CSSStyleSheet[]][] };
      for (const [at, ours] of kept.dropped)
        at.adoptedStyleSheets = [...at.adoptedStyleSheets, ...ours];
    });
    expect((await settled(shadowPara)).equals(marked.shadow)).toBe(true);
    expect((await settled(lightPara)).equals(marked.light)).toBe(true);
    // Its marker is drawn at the end of the marked text.
    const gap = await page.evaluate((tag) => {
      const marker = document
        .querySelector(tag)
        ?.shadowRoot?.querySelector('[data-factmark-claim="gaza-ceasefire-trump"]');
      const text = document.querySelector('#story')?.shadowRoot?.querySelector('p')?.firstChild;
      if (!marker || !text) return null;
      const r = document.createRange();
      r.selectNodeContents(text);
      const rects = r.getClientRects();
      const last = rects[rects.length - 1] as DOMRect;
      const m = marker.getBoundingClientRect();
      return Math.hypot(m.left - last.right, m.top - last.top);
    }, HOST_TAG);
    expect(gap).not.toBeNull();
    expect(gap as number).toBeLessThan(120);
  });

  test('Tab reaches the marker in the shadow root in reading order, and its card opens', async () => {
    await page.focus('#before');
    await page.keyboard.press('Tab');
    expect(await stop(page)).toBe('mark:gaza-ceasefire-trump');
    expect(await focusedClaim(page)).toBe('gaza-ceasefire-trump');
    const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('ceasefire');
    // Then the link after the mark, inside the same shadow root; back again; then on.
    await page.keyboard.press('Tab');
    expect(await stop(page)).toBe('/in-story');
    await page.keyboard.press('Shift+Tab');
    expect(await stop(page)).toBe('mark:gaza-ceasefire-trump');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await stop(page)).toBe('/after');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a component defined later and a shadow root filled later are marked without a reload', async () => {
    const late = await e().context.newPage();
    const lateErrors = collectErrors(late);
    await late.goto(`${e().server.origin}/frames/late.html`);
    await waitForMarks(late, 1);
    await waitForScans(late);
    await late.waitForTimeout(300);
    expect(await markedClaims(late)).toEqual(['ru-annexed-crimea-2014']);
    const load = await late.evaluate(() => performance.timeOrigin);
    await late.evaluate(() => (window as unknown as { defineLate: () => void }).defineLate());
    await waitForMarks(late, 2);
    expect(await markedClaims(late)).toEqual(['ru-annexed-crimea-2014', 'us-28-point-peace-plan']);
    expect((await shadowPaint(late, '#late')).ours).toBe(1);
    await late.evaluate(() => (window as unknown as { addEmpty: () => void }).addEmpty());
    await late.waitForTimeout(400);
    await late.evaluate(() => (window as unknown as { fillLater: () => void }).fillLater());
    await waitForMarks(late, 3);
    expect(await markedClaims(late)).toEqual([
      'ru-annexed-crimea-2014',
      'ru-holds-fifth-of-ukraine',
      'us-28-point-peace-plan',
    ]);
    const paint = await shadowPaint(late, '#card');
    expect(paint.ranges).toEqual([
      expect.stringMatching(/^factmark-[\w-]+: Moscow currently controls roughly one-fifth/),
    ]);
    expect(paint.ours).toBe(1);
    // The same document all along.
    expect(await late.evaluate(() => performance.timeOrigin)).toBe(load);
    expect(lateErrors).toEqual([]);
    await late.close();
  });
});
