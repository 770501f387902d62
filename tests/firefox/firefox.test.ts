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
});

describe('Firefox: the popup', () => {
  test("lists the page's claims; switching off everywhere removes every mark, switching on restores", async () => {
    const popup = await openPopup(e(), page);
    await expect
      .poll(() => popup.$$eval('[data-testid="page-claims"] [data-claim]', (l) => l.length))
      .toBe(SEED_IDS.length);
    const everywhere = '[data-testid="toggle-everywhere"]';
    expect(await checked(popup, everywhere)).toBe(true);
    await popup.click(everywhere);
    expect(await checked(popup, everywhere)).toBe(false);
    await waitForNoMarks(page);
    expect(await textUnchanged(page)).toBe(true);
    // The setting persists: a reload stays unmarked.
    await page.reload();
    await new Promise((ok) => setTimeout(ok, 800));
    expect(await markedClaims(page)).toEqual([]);
    await popup.click(everywhere);
    await waitForMarks(page, SEED_IDS.length);
    expect(await distinct(page)).toEqual(SEED_IDS);
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
