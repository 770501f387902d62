import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../tools/browser-harness';
import { HOST_TAG, markedClaims, useBrowser, waitForMarks, waitForScans } from './helpers';
import { collectErrors } from './page-checks';

/**
 * Which frames Factmark runs in (README "Pages Factmark handles"): the top document only
 * (the content script has no `allFrames`), so text in a same-origin or a cross-origin iframe
 * is not read, and nothing of Factmark's is added to a frame. Text inside a page's open
 * shadow roots is not read either (yet): these tests pin that documented behaviour.
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
  })[claim];

const inner = (claim: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><p>${P(claim)}</p></body></html>`;

beforeAll(async () => {
  // A second origin: another port on 127.0.0.1.
  other = await serveStatic('tests/fixtures/pages');
  other.put('/frames/cross.html', inner('trump'));
  e().server.put('/frames/same.html', inner('fifth'));
  e().server.put(
    '/frames/top.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-11-22T07:15:00Z"}</script>
    <title>Ukraine peace plan: what we know</title></head><body>
    <h1>Ukraine peace plan: what we know</h1>
    <p>${P('crimea')}</p>
    <iframe id="same" src="/frames/same.html" width="600" height="120"></iframe>
    <iframe id="cross" src="${other.origin}/frames/cross.html" width="600" height="120"></iframe>
    <fm-story id="story"></fm-story>
    <script>
      customElements.define('fm-story', class extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'open' });
          const p = document.createElement('p');
          p.textContent = ${JSON.stringify(P('gaza'))};
          root.appendChild(p);
        }
      });
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

describe('frames and shadow roots', () => {
  test('only the top document is read: no iframe, same- or cross-origin, nor open shadow roots', async () => {
    const page = await e().context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${e().server.origin}/frames/top.html`);
    await waitForMarks(page, 1);
    await waitForScans(page);
    await page.waitForTimeout(500);
    expect(await markedClaims(page)).toEqual(['ru-annexed-crimea-2014']);
    const same = page.frame({ url: /\/frames\/same\.html$/ });
    const cross = page.frame({ url: /\/frames\/cross\.html$/ });
    expect(same && cross).toBeTruthy();
    // The frames' own text is there (so not marking it is a decision, not a load failure).
    expect(await same?.textContent('p')).toContain('one-fifth');
    expect(await cross?.textContent('p')).toContain('24 hours');
    expect(await traces(same as Frame)).toEqual({ marks: 0, hosts: 0 });
    expect(await traces(cross as Frame)).toEqual({ marks: 0, hosts: 0 });
    expect((await traces(page.mainFrame())).marks).toBeGreaterThan(0);
    // The shadow root's text is on the page, unmarked.
    const shadowText = await page.evaluate(
      () => document.querySelector('#story')?.shadowRoot?.textContent ?? '',
    );
    expect(shadowText).toContain('ceasefire between Israel and Hamas');
    expect(errors).toEqual([]);
    await page.close();
  });
});
