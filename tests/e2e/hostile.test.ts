import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HOST_TAG, SEED_IDS, markedClaims, useBrowser, waitForMarks } from './helpers';
import { collectErrors } from './page-checks';
import { cdpEval, cdpWaitFor } from '../../tools/browser-harness';

/**
 * Hostile pages (issue 14): site CSS that resets everything, outbids every z-index, zooms,
 * scales or shrinks rem; scripts that throw, override the globals Factmark's code uses, or
 * flood the DOM with mutations. The content script runs in Chromium's isolated world: these
 * tests check that claim instead of assuming it.
 */
const e = useBrowser();
const SEED = readFileSync('tests/fixtures/pages/seed-variant.html', 'utf8');

/** The seed article (six claims) with this added at the end of <head>. */
function hostile(path: string, head: string): string {
  e().server.put(path, SEED.replace('</head>', `${head}\n</head>`));
  return `${e().server.origin}${path}`;
}

/** Clicks the first marker where it is drawn (so it must be on top) and reads the card. */
async function openCard(page: Page) {
  const at = await page.evaluate((tag) => {
    const m = document.querySelector(tag)?.shadowRoot?.querySelector('.fm-marker:not(.fm-hidden)');
    const r = m?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, HOST_TAG);
  expect(at).not.toBeNull();
  await page.mouse.click(at?.x ?? 0, at?.y ?? 0);
  await page.waitForFunction(
    (tag) => !!document.querySelector(tag)?.shadowRoot?.querySelector('.fm-card'),
    HOST_TAG,
    { timeout: 3_000 },
  );
  return page.evaluate((tag) => {
    const host = document.querySelector(tag) as Element;
    const root = host.shadowRoot as ShadowRoot;
    const card = root.querySelector('.fm-card') as HTMLElement;
    const r = card.getBoundingClientRect();
    const cs = getComputedStyle(card);
    const verdict = root.querySelector('.fm-verdict') as HTMLElement;
    const x = r.x + r.width / 2;
    const y = r.y + Math.min(r.height / 2, 60);
    return {
      width: r.width,
      height: r.height,
      shown: cs.display !== 'none' && cs.visibility === 'visible' && cs.opacity === '1',
      fontSize: parseFloat(getComputedStyle(verdict).fontSize),
      onTop: document.elementFromPoint(x, y) === host,
      text: verdict.textContent ?? '',
      color: cs.color,
      background: cs.backgroundColor,
    };
  }, HOST_TAG);
}

/** For each marker drawn, the distance in px to the nearest end of a highlighted range. */
function markerDistances(page: Page): Promise<number[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const ends: DOMRect[] = [];
    for (const [name, h] of CSS.highlights)
      if (name !== 'factmark-active')
        for (const r of h) {
          const rects = (r as Range).getClientRects();
          const last = rects[rects.length - 1];
          if (last) ends.push(last);
        }
    return Array.from(root?.querySelectorAll('.fm-marker:not(.fm-hidden)') ?? [], (m) => {
      const b = m.getBoundingClientRect();
      return Math.min(...ends.map((e) => Math.hypot(b.left - e.right, b.top - e.top)));
    });
  }, HOST_TAG);
}

describe('site CSS cannot break the card or the markers', () => {
  test.each([
    { name: 'all-unset', css: '* { all: unset !important; }' },
    {
      name: 'max-z-index',
      css: '* { position: relative !important; z-index: 2147483647 !important; } p, div { background: #fee !important; }',
    },
    { name: 'zoom', css: 'html { zoom: 2; }' },
    { name: 'scaled-body', css: 'body { transform: scale(1.4); transform-origin: 0 0; }' },
    { name: 'tiny-rem', css: 'html { font-size: 4px !important; } body { font-size: 4rem; }' },
  ])('$name: every claim marked, the card on top, sized and readable', async ({ name, css }) => {
    const page = await e().context.newPage();
    const errors = collectErrors(page);
    await page.goto(hostile(`/hostile/${name}.html`, `<style>${css}</style>`));
    expect(await waitForMarks(page, 6)).toEqual(SEED_IDS);
    const card = await openCard(page);
    expect(card.shown).toBe(true);
    expect(card.onTop).toBe(true);
    expect(card.width).toBeGreaterThanOrEqual(200);
    expect(card.height).toBeGreaterThanOrEqual(100);
    // The card's own px sizes: not the page's 4px rem, not unset to the page's font.
    expect(card.fontSize).toBeGreaterThanOrEqual(12);
    expect(card.fontSize).toBeLessThanOrEqual(20);
    expect(card.text.length).toBeGreaterThan(3);
    expect(card.color).not.toBe(card.background);
    expect(card.background).not.toBe('rgba(0, 0, 0, 0)');
    // The screen readers' live region stays visually hidden (its style wins too).
    const live = await page.evaluate(() => {
      const r = document.querySelector('factmark-live')?.getBoundingClientRect();
      return r ? Math.max(r.width, r.height) : 0;
    });
    // 1 CSS px (2 under `zoom: 2`).
    expect(live).toBeLessThanOrEqual(2);
    // Every marker sits at the end of a marked sentence (within 40 px: 2x zoom, 1.4x scale).
    expect((await markerDistances(page)).length).toBe(6);
    for (const d of await markerDistances(page)) expect(d).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The page's own scripts: run in the main world before Factmark's content script starts. */
const OVERRIDES = `<script>
  window.Range = null;
  Array.prototype.map = function () { return []; };
  Array.prototype.filter = function () { return []; };
  const realAppend = Node.prototype.appendChild;
  Node.prototype.appendChild = function (c) { return c; };
  Element.prototype.attachShadow = function () { throw new Error('page: no shadow roots'); };
  window.setTimeout = function () { return 0; };
  window.requestAnimationFrame = function () { return 0; };
  JSON.parse = function () { return { hijacked: true }; };
  JSON.stringify = function () { return '"hijacked"'; };
  window.Promise = function () { throw new Error('page: no promises'); };
  window.MutationObserver = function () { throw new Error('page: no observers'); };
  window.CSS = null;
  window.Highlight = null;
  window.addEventListener('load', function () { throw new Error('page-own error on load'); });
</script>`;

describe('page scripts cannot reach Factmark', () => {
  test('globals overridden and scripts throwing: still every mark, no error from Factmark', async () => {
    const page = await e().context.newPage();
    const errors = collectErrors(page);
    await page.goto(hostile('/hostile/overrides.html', OVERRIDES));
    // Playwright's own page helpers use the overridden globals: read over raw CDP, with loops.
    const cdp = await e().context.newCDPSession(page);
    const count = `(() => { const r = document.querySelector('${HOST_TAG}');
      const ms = r && r.shadowRoot ? r.shadowRoot.querySelectorAll('[data-factmark-claim]') : [];
      const ids = []; for (let i = 0; i < ms.length; i++) ids.push(ms[i].getAttribute('data-factmark-claim'));
      ids.sort(); return ids.join(','); })()`;
    expect(await cdpWaitFor(cdp, `${count}.split(',').length >= 6`, 10_000)).toBe(true);
    expect(await cdpEval<string>(cdp, count)).toBe(SEED_IDS.join(','));
    // The overrides are in force in the page's world...
    const world = await cdpEval<string>(
      cdp,
      `String(window.Range) + ' ' + String(window.CSS) + ' ' + JSON.parse('[1]').hijacked`,
    );
    expect(world).toBe('null null true');
    // ... the page's own error is seen (so the collector works), and it is the only one.
    expect(errors).toEqual(['pageerror: page-own error on load']);
    await page.close();
  });

  test('thousands of mutations a second: marks come and stay, the page stays responsive', async () => {
    const flood = `<script>
      document.addEventListener('DOMContentLoaded', function () {
        const box = document.createElement('div');
        box.id = 'ticker';
        document.body.prepend(box);
        window.fmMutations = 0;
        (function churn() {
          for (let i = 0; i < 100; i++) {
            const s = document.createElement('span');
            s.textContent = 'tick ' + i;
            box.replaceChildren(s);
            window.fmMutations += 2;
          }
          setTimeout(churn, 0);
        })();
      });
    </script>`;
    const page = await e().context.newPage();
    const errors = collectErrors(page);
    await page.goto(hostile('/hostile/flood.html', flood));
    expect(await waitForMarks(page, 6)).toEqual(SEED_IDS);
    const n0 = await page.evaluate(
      () => (window as unknown as { fmMutations: number }).fmMutations,
    );
    const t0 = Date.now();
    await page.waitForTimeout(2_000);
    const n1 = await page.evaluate(
      () => (window as unknown as { fmMutations: number }).fmMutations,
    );
    const perSecond = ((n1 - n0) * 1000) / (Date.now() - t0);
    expect(perSecond).toBeGreaterThan(5_000);
    expect(await markedClaims(page)).toEqual(SEED_IDS);
    const started = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
