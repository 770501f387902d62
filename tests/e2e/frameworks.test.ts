import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HOST_TAG, markedClaims, useBrowser, waitForMarks } from './helpers';
import { boxesOf, collectErrors, markerPlaces, plainBrowser } from './page-checks';
import { reactFixtureBundle } from './react-fixture';

/**
 * A page built with real React 19 that re-renders, replaces, removes and moves the paragraphs
 * Factmark marked, every 250 ms (tests/fixtures/react/app.js). Issue 14: a user saw
 * "compareBoundaryPoints ... in a different document" thrown on such a page.
 */
const e = useBrowser();
let plain: { browser: Browser; page: () => Promise<Page> };

beforeAll(async () => {
  e().server.put('/react-app.js', await reactFixtureBundle(), 'text/javascript');
  plain = await plainBrowser();
});
afterAll(async () => plain?.browser.close());

interface App {
  fmApp: { stop(): void; seeds(): string[]; clicks: { n: number } };
}

/** Samples, after each frame the page did not change in, what the markers say. */
async function startSampling(page: Page): Promise<void> {
  await page.evaluate((tag) => {
    const w = window as unknown as { fmSamples: { dup: string[]; orphan: string[]; n: number } };
    w.fmSamples = { dup: [], orphan: [], n: 0 };
    let changed = false;
    new MutationObserver(() => (changed = true)).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    const sample = () => {
      if (!changed) {
        const root = document.querySelector(tag)?.shadowRoot;
        const claims = Array.from(root?.querySelectorAll('[data-factmark-claim]') ?? [], (m) =>
          m.getAttribute('data-factmark-claim'),
        );
        const present = (window as unknown as App).fmApp.seeds();
        claims.forEach((c, i) => {
          if (claims.indexOf(c) !== i) w.fmSamples.dup.push(String(c));
          if (!present.includes(String(c))) w.fmSamples.orphan.push(String(c));
        });
        w.fmSamples.n++;
      }
      // Quiet means no mutation since the last sample, two frames ago: Factmark drops a mark
      // whose text went in the frame after the change and redraws its markers in the next.
      // (Cleared in a frame callback, a mutation just before that frame went unseen, and a
      // marker on its way out in that frame's redraw was counted as orphaned.)
      changed = false;
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(sample, 0)));
    };
    sample();
  }, HOST_TAG);
}

/** The page's own behaviour under churn: focus, typing, layout, its click handler. */
async function exercise(page: Page, withFactmark: boolean) {
  await page.focus('#comment');
  await page.keyboard.type('first ');
  if (withFactmark) await startSampling(page);
  // Three seconds of churn: twelve re-renders.
  await page.waitForTimeout(3_000);
  await page.keyboard.type('second');
  const focused = await page.evaluate(() => document.activeElement?.id ?? null);
  await page.evaluate(() => (window as unknown as App).fmApp.stop());
  // React commits the final state in a task of its own.
  await page.waitForFunction(
    () => document.querySelector('small')?.textContent === 'Updated just now.',
  );
  const seeds = await page.evaluate(() => (window as unknown as App).fmApp.seeds());
  if (withFactmark)
    await page
      .waitForFunction(
        ([tag, want]) => {
          const root = document.querySelector(tag)?.shadowRoot;
          const got = Array.from(root?.querySelectorAll('[data-factmark-claim]') ?? [], (m) =>
            m.getAttribute('data-factmark-claim'),
          ).sort();
          return got.join() === want.join();
        },
        [HOST_TAG, seeds] as const,
        { timeout: 8_000 },
      )
      .catch(async (err) => {
        throw new Error(
          `${String(err)}: marked ${(await markedClaims(page)).join()} of ${seeds.join()}`,
        );
      });
  else await page.waitForTimeout(500);
  const boxes = await boxesOf(page, 'body, body *');
  const value = await page.inputValue('#comment');
  const scroll = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.scrollHeight,
  ]);
  // Clicking the marked paragraph (Factmark opens its card on a click there too).
  await page.click('p.clickable', { position: { x: 40, y: 10 } });
  const clicks = await page.evaluate(() => (window as unknown as App).fmApp.clicks.n);
  return { focused, value, seeds, boxes, scroll, clicks };
}

describe('a React page that re-renders what Factmark marked every 250 ms', () => {
  test('no error, no orphaned or duplicated marker, marks follow the new text', async () => {
    const page = await e().context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${e().server.origin}/react-news.html`);
    await waitForMarks(page, 3);
    const run = await exercise(page, true);
    const samples = await page.evaluate(
      () =>
        (window as unknown as { fmSamples: { dup: string[]; orphan: string[]; n: number } })
          .fmSamples,
    );
    expect(errors).toEqual([]);
    // Sampled in many quiet frames; never a claim marked twice, never a marker without its text.
    expect(samples.n).toBeGreaterThan(20);
    expect(samples.dup).toEqual([]);
    expect(samples.orphan).toEqual([]);
    // The final state: the rotating paragraph states the Gaza claim now (the plan is gone
    // with its text), the toggled paragraph is gone.
    expect(run.seeds).toEqual([
      'gaza-ceasefire-trump',
      'ru-annexed-crimea-2014',
      'ru-annexed-four-regions-2022',
      'ru-holds-fifth-of-ukraine',
    ]);
    expect(await markedClaims(page)).toEqual(run.seeds);
    // Each marker sits at its paragraph (within its box), and every highlight is on the page.
    for (const p of await markerPlaces(page)) {
      expect(p.text, p.claim).not.toBeNull();
      const t = p.text as DOMRect;
      const midY = (p.marker.y ?? 0) + (p.marker.height ?? 0) / 2;
      expect(midY, p.claim).toBeGreaterThanOrEqual(t.y);
      expect(midY, p.claim).toBeLessThanOrEqual(t.y + t.height);
    }
    // (The card opened by the click tints its mark with one more highlight: not counted.)
    const highlights = await page.evaluate(() =>
      [...CSS.highlights.entries()].flatMap(([name, h]) =>
        [...(name === 'factmark-active' ? [] : h)].map((r) => {
          const range = r as Range;
          const seed = range.startContainer.parentElement?.closest('[data-seed]');
          return range.startContainer.isConnected && !range.collapsed && !!seed;
        }),
      ),
    );
    expect(highlights.length).toBe(4);
    expect(highlights.every(Boolean)).toBe(true);

    // The page's own behaviour and layout are exactly as in a browser without Factmark.
    const other = await plain.page();
    await other.goto(`${e().server.origin}/react-news.html`);
    await other.waitForTimeout(800);
    const without = await exercise(other, false);
    expect(run.focused).toBe('comment');
    expect(run.value).toBe('first second');
    expect(run.clicks).toBe(1);
    expect({ ...run, boxes: run.boxes.join('\n') }).toEqual({
      ...without,
      boxes: without.boxes.join('\n'),
    });
    await other.close();
    await page.close();
  });
});
