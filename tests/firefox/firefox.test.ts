import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { HOST_TAG, SEED_IDS, TIMING } from '../e2e/helpers';
import { openPopup, useFirefox } from './firefox-browser';

/**
 * The core path in Firefox (Debian's firefox-esr, the e2e Firefox build as a temporary
 * add-on): the demo article's six claims, a card by keyboard, the popup's switch, an import.
 * One browser for the file; the Chromium suite (tests/e2e/) covers the rest in depth.
 */
const e = useFirefox();
let page: Page;

/** Claim ids of every marker on the page, sorted (with repeats). */
const markedClaims = (p: Page): Promise<string[]> =>
  p.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return Array.from(root?.querySelectorAll('[data-factmark-claim]') ?? [])
      .map((m) => m.getAttribute('data-factmark-claim') ?? '')
      .sort();
  }, HOST_TAG);

const distinct = async (p: Page) => [...new Set(await markedClaims(p))].sort();

/** Waits until the page shows at least `n` markers. */
async function waitForMarks(p: Page, n: number): Promise<void> {
  await p.waitForFunction(
    (tag, min) =>
      (document.querySelector(tag)?.shadowRoot?.querySelectorAll('[data-factmark-claim]').length ??
        0) >= min,
    { polling: 50, timeout: 15_000 },
    HOST_TAG,
    n,
  );
}

/** Waits until no marker, no overlay and no highlight is left. */
async function waitForNoMarks(p: Page): Promise<void> {
  await p.waitForFunction(
    (tag) => !document.querySelector(tag) && CSS.highlights.size === 0,
    { polling: 50, timeout: 10_000 },
    HOST_TAG,
  );
}

/** Whether the body text equals that of the HTML as served (Factmark never edits text). */
const textUnchanged = (p: Page): Promise<boolean> =>
  p.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(html, 'text/html').body.textContent;
    return served === document.body.textContent;
  });

/** The claim of the focused marker in the overlay, if one has focus. */
const focusedClaim = (p: Page): Promise<string | null> =>
  p.evaluate(
    (tag) =>
      document.querySelector(tag)?.shadowRoot?.activeElement?.getAttribute('data-factmark-claim') ??
      null,
    HOST_TAG,
  );

/** The open note card's text and links, or null when no card is open. */
const openCard = (p: Page) =>
  p.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const card = root?.querySelector('[data-testid="factmark-card"]');
    if (!card) return null;
    return {
      text: card.textContent ?? '',
      focusInside: !!root?.activeElement?.closest('[data-testid="factmark-card"]'),
      links: Array.from(card.querySelectorAll('a')).map((a) => ({
        href: a.getAttribute('href'),
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel'),
      })),
    };
  }, HOST_TAG);

/**
 * A strip of the page just under the first marked line (its left half, away from the
 * marker), in document coordinates: where the highlight's underline is painted.
 */
const underlineStrip = (p: Page) =>
  p.evaluate(() => {
    const marks = [...CSS.highlights.values()].find((h) => h.priority === 0 && h.size > 0);
    const range = marks?.values().next().value as Range | undefined;
    const r = range?.getClientRects()[0];
    if (!r) return null;
    const x = Math.round(r.left + scrollX);
    const y = Math.round(r.bottom - 4 + scrollY);
    return { x, y, width: Math.floor(r.width / 2), height: 8 };
  });

/**
 * How much of the strip's most painted row is painted (not white), 0 to 1: about 1 where a
 * line is drawn across it. The screenshot is decoded by the page's own canvas.
 */
async function lineAcross(
  p: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<number> {
  await p.bringToFront();
  const png = await p.screenshot({ clip, encoding: 'base64' });
  return p.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    if (!g) return -1;
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    let best = 0;
    for (let y = 0; y < c.height; y++) {
      let n = 0;
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (Math.min(px[i] ?? 255, px[i + 1] ?? 255, px[i + 2] ?? 255) < 235) n++;
      }
      best = Math.max(best, n / c.width);
    }
    return best;
  }, png);
}

const checked = (p: Page, selector: string) =>
  p.$eval(selector, (el) => (el as HTMLInputElement).checked);

const textOf = (p: Page, selector: string) =>
  p.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

describe('Firefox: the demo article', () => {
  test('is marked with exactly its six claims, as highlights, its text unchanged', async () => {
    page = await e().browser.newPage();
    await page.goto(`${e().server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    // Give late matches a moment: nothing else may appear.
    await new Promise((ok) => setTimeout(ok, 300));
    expect(await distinct(page)).toEqual(SEED_IDS);
    const highlighted = await page.evaluate(() => {
      let n = 0;
      for (const h of CSS.highlights.values()) n += h.size;
      return n;
    });
    expect(highlighted).toBeGreaterThanOrEqual(SEED_IDS.length);
    expect(await textUnchanged(page)).toBe(true);
  });

  test('keyboard: Tab reaches a mark, its card opens, Enter enters it, Escape closes it', async () => {
    await page.bringToFront();
    await page.mouse.click(5, 5);
    let focused: string | null = null;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await focusedClaim(page);
    }
    expect(focused).not.toBeNull();
    await expect.poll(() => openCard(page).then((c) => c !== null)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => openCard(page).then((c) => c?.focusInside)).toBe(true);
    const card = await openCard(page);
    expect(card?.text).toContain('Why this sentence matched');
    expect(card?.links.length).toBeGreaterThanOrEqual(2);
    for (const a of card?.links ?? []) {
      expect(a.href).toMatch(/^https:\/\//);
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => openCard(page)).toBeNull();
    expect(await focusedClaim(page)).toBe(focused);
  });
  test('an open card covers the markers under it: none shows through', async () => {
    // The first marker's card opens below its sentence, over the next sentences' markers.
    await page.evaluate(() => window.scrollTo(0, 0));
    const first = await page.$(`${HOST_TAG} >>> [data-factmark-claim]`);
    await first?.click();
    await expect.poll(() => openCard(page).then((c) => c !== null)).toBe(true);
    const through = await page.evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const card = root?.querySelector('[data-testid="factmark-card"]')?.getBoundingClientRect();
      if (!root || !card) return ['no card'];
      const shown: string[] = [];
      for (const m of root.querySelectorAll('[data-factmark-claim]')) {
        const r = m.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (x < card.left || x > card.right || y < card.top || y > card.bottom) continue;
        const hit = root.elementFromPoint(x, y);
        if (!hit?.closest('[data-testid="factmark-card"]'))
          shown.push(m.getAttribute('data-factmark-claim') ?? '');
      }
      return shown;
    }, HOST_TAG);
    expect(through).toEqual([]);
    // A click outside closes it and takes focus from the marker (a marker that has focus
    // when its tab comes back to the front opens its card again).
    await page.mouse.click(5, 5);
    await expect.poll(() => openCard(page)).toBeNull();
  });
});

describe('Firefox: the popup', () => {
  test("lists the page's claims; switching off everywhere removes every mark, switching on restores", async () => {
    const popup = await openPopup(e(), page);
    await expect
      .poll(() => popup.$$eval('[data-testid="page-claims"] [data-claim]', (l) => l.length))
      .toBe(SEED_IDS.length);
    // The marks are painted: an underline runs under a marked line, and goes with the switch.
    const strip = await underlineStrip(page);
    expect(strip).not.toBeNull();
    if (!strip) return;
    expect(await lineAcross(page, strip)).toBeGreaterThan(0.9);
    const everywhere = '[data-testid="toggle-everywhere"]';
    expect(await checked(popup, everywhere)).toBe(true);
    await popup.bringToFront();
    await popup.click(everywhere);
    expect(await checked(popup, everywhere)).toBe(false);
    await waitForNoMarks(page);
    expect(await textUnchanged(page)).toBe(true);
    expect(await lineAcross(page, strip)).toBeLessThan(0.5);
    // The setting persists: a reload stays unmarked.
    await page.reload();
    await new Promise((ok) => setTimeout(ok, 800));
    expect(await markedClaims(page)).toEqual([]);
    await popup.bringToFront();
    await popup.click(everywhere);
    await waitForMarks(page, SEED_IDS.length);
    expect(await distinct(page)).toEqual(SEED_IDS);
    await page.waitForFunction(() => CSS.highlights.size > 0, { polling: 50 });
    await expect.poll(() => lineAcross(page, strip)).toBeGreaterThan(0.9);
    await popup.close();
  });

  test('a ClaimReview file is previewed, accepted, marked on a page, and removed', async () => {
    const p = await e().browser.newPage();
    await p.goto(`${e().server.origin}/import-page.html`);
    // The bundled set has no check of this claim: the page is read and nothing is marked.
    await p.waitForFunction(
      (name) => performance.getEntriesByName(name).length > 0,
      {},
      TIMING.scanDone,
    );
    expect(await markedClaims(p)).toEqual([]);

    const popup = await openPopup(e(), p);
    const input = (await popup.$('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(resolve('tests/fixtures/claims/import-claimreview.json'));
    await expect
      .poll(() => textOf(popup, '[data-testid="import-preview"]'))
      .toMatch(/1 claim found \(claimreview\)/);
    expect(await textOf(popup, '[data-testid="import-breakdown"]')).toBe('False: 1');
    await popup.click('[data-testid="import-accept"]');
    await expect
      .poll(() => textOf(popup, '[data-testid="imported-sets"]'))
      .toMatch(/import-claimreview · 1 claim,/);

    await waitForMarks(p, 1);
    const ids = await markedClaims(p);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^fact-check-fake-tweet-france-deporting-pakistanis/);
    // The card shows the publisher's own rating and its https source.
    await p.bringToFront();
    const marker = await p.$(`${HOST_TAG} >>> [data-factmark-claim]`);
    await marker?.click();
    await expect.poll(() => openCard(p).then((c) => c?.text)).toContain('rated “False”');
    expect((await openCard(p))?.links[0]?.href).toBe(
      'https://www.indiatoday.in/fact-check/story/fact-check-fake-tweet-france-deporting-pakistanis-go-viral-imran-slams-macron-1737276-2020-11-02',
    );

    // Removing the set (after the confirmation) removes its mark.
    await popup.bringToFront();
    const remove = await popup.$('[data-testid="imported-sets"] button[aria-label^="Remove"]');
    await remove?.click();
    await popup.click('[data-testid="remove-confirm"]');
    await expect.poll(() => markedClaims(p)).toEqual([]);
    await expect.poll(() => popup.$('[data-testid="imported-sets"]')).toBeNull();
    await popup.close();
    await p.close();
  });
});

describe('Firefox: open shadow roots', () => {
  test("a claim in a web component's open shadow root is marked and underlined there", async () => {
    e().server.put(
      '/shadow.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
      <title>Gaza</title></head><body>
      <p>Russia annexed the Crimean peninsula in 2014 after a referendum that Kyiv and most of the world rejected.</p>
      <fm-story id="story"></fm-story>
      <script>
        customElements.define('fm-story', class extends HTMLElement {
          connectedCallback() {
            const p = document.createElement('p');
            p.textContent = 'White House officials again pointed to the ceasefire between Israel and Hamas in Gaza, which they credit President Trump with brokering.';
            this.attachShadow({ mode: 'open' }).appendChild(p);
          }
        });
      </script></body></html>`,
    );
    const p = await e().browser.newPage();
    await p.goto(`${e().server.origin}/shadow.html`);
    await waitForMarks(p, 2);
    expect(await distinct(p)).toEqual(['gaza-ceasefire-trump', 'ru-annexed-crimea-2014']);
    // The underline under the highlighted range in the shadow root's first line. Firefox 153
    // paints it only through the sheet adopted by the shadow root: the document's
    // ::highlight() rules do not reach a shadow tree there (Chromium 156 inherits them).
    const strip = await p.evaluate(() => {
      const root = document.querySelector('#story')?.shadowRoot;
      for (const h of CSS.highlights.values())
        for (const range of h as unknown as Set<Range>)
          if (h.priority === 0 && range.startContainer.getRootNode() === root) {
            const r = range.getClientRects()[0];
            if (!r) return null;
            const x = Math.round(r.left + scrollX);
            const y = Math.round(r.bottom - 4 + scrollY);
            return { x, y, width: Math.floor(r.width / 2), height: 8 };
          }
      return null;
    });
    expect(strip).not.toBeNull();
    if (strip) expect(await lineAcross(p, strip)).toBeGreaterThan(0.9);
    await p.close();
  });

  test('"Find restatements": the model in the background page\'s worker marks a restated claim', async () => {
    const p = await e().browser.newPage();
    await p.goto(`${e().server.origin}/restated.html`);
    await p.waitForFunction((n) => performance.getEntriesByName(n).length > 0, {}, TIMING.scanDone);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await markedClaims(p)).toEqual([]);
    // The setting as the options page saves it (BiDi cannot open the options page).
    const popup = await openPopup(e(), p);
    const turn = (on: boolean) =>
      popup.evaluate(async (semantic) => {
        const storage = (
          globalThis as unknown as {
            browser: {
              storage: {
                local: {
                  get(k: string): Promise<Record<string, object>>;
                  set(v: object): Promise<void>;
                };
              };
            };
          }
        ).browser.storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...settings, semantic } });
      }, on);
    await turn(true);
    await p.bringToFront();
    await p.waitForFunction(
      (tag) =>
        (document.querySelector(tag)?.shadowRoot?.querySelectorAll('[data-factmark-claim]')
          .length ?? 0) > 0,
      { polling: 100, timeout: 60_000 },
      HOST_TAG,
    );
    expect(await distinct(p)).toEqual(['trump-end-war-24-hours']);
    await turn(false);
    await popup.close();
    await p.close();
  });
});
