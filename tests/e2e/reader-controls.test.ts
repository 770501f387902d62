import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  HOST_TAG,
  SEED_IDS,
  badgeText,
  markedClaims,
  openOptions,
  openPopup,
  tabIdOf,
  useBrowser,
  waitForMarks,
} from './helpers';

const e = useBrowser();
let page: Page;

const CLAIM = 'ru-annexed-crimea-2014';
const card = () => page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
const toast = () => page.locator(`${HOST_TAG} [data-testid="factmark-toast"]`);
const unique = async () => [...new Set(await markedClaims(page))].sort();

async function openCardOf(claim: string): Promise<void> {
  await page.locator(`${HOST_TAG} [data-factmark-claim="${claim}"]`).first().click();
  await expect.poll(() => card().count()).toBe(1);
}

describe('the options page', () => {
  test('the popup links to it; it lists the claim sets, shortcuts and what leaves the browser', async () => {
    page = await e().context.newPage();
    await page.goto(`${e().server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    const popup = await openPopup(e(), page);
    // The bundled set is named once, in the claim sets panel (the footer used to repeat it).
    await expect.poll(() => popup.getByTestId('bundled-set').count()).toBe(1);
    const popupText = (await popup.locator('main').textContent()) ?? '';
    expect(popupText.split('Factmark bundled claims').length - 1).toBe(1);
    const [options] = await Promise.all([
      e().context.waitForEvent('page', (p) => p.url().includes('/options.html')),
      popup.getByTestId('open-options').click(),
    ]);
    await options.waitForSelector('.fm-options:not([aria-busy])');
    for (const h of ['On pages', 'Claim sets', 'Hidden marks', 'Keyboard shortcuts']) {
      expect(await options.getByRole('heading', { name: h }).count()).toBe(1);
    }
    await expect
      .poll(() => options.getByTestId('bundled-sets').textContent())
      .toMatch(/[\d,]+ claims/);
    const shortcuts = (await options.getByTestId('shortcuts').textContent()) ?? '';
    expect(shortcuts).toContain('next fact check');
    expect(await options.getByTestId('privacy').textContent()).toContain('never sent anywhere');
    expect(await options.getByTestId('hidden-list').count()).toBe(0);
    await options.close();
  });
});

describe('"Not this claim"', () => {
  test('hiding a match removes just that mark; Undo brings it back', async () => {
    await page.bringToFront();
    await openCardOf(CLAIM);
    await card().getByTestId('not-this-claim').click();
    await card().getByTestId('hide-match').click();
    await expect.poll(unique).toEqual(SEED_IDS.filter((id) => id !== CLAIM));
    await expect.poll(() => toast().textContent()).toContain('Match hidden on this page');
    // Focus moved to Undo: Enter undoes.
    await expect
      .poll(() =>
        page.evaluate(
          (tag) =>
            document.querySelector(tag)?.shadowRoot?.activeElement?.getAttribute('data-testid'),
          HOST_TAG,
        ),
      )
      .toBe('toast-undo');
    await page.keyboard.press('Enter');
    await expect.poll(unique).toEqual(SEED_IDS);
    await expect.poll(() => toast().count()).toBe(0);
  });

  test('a hidden match stays hidden after a reload, and is restored from the options page', async () => {
    await openCardOf(CLAIM);
    await card().getByTestId('not-this-claim').click();
    await card().getByTestId('hide-match').click();
    await expect.poll(unique).toEqual(SEED_IDS.filter((id) => id !== CLAIM));
    await page.reload();
    await waitForMarks(page, SEED_IDS.length - 1);
    await page.waitForTimeout(300);
    expect(await unique()).toEqual(SEED_IDS.filter((id) => id !== CLAIM));
    const tabId = await tabIdOf(e(), page);
    await expect.poll(() => badgeText(e(), tabId)).toBe(String(SEED_IDS.length - 1));

    const options = await openOptions(e());
    const list = options.getByTestId('hidden-list');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    const item = (await list.textContent()) ?? '';
    expect(item).toContain('One match on a page of 127.0.0.1');
    expect(item).toContain('Crimea');
    await list.getByRole('button', { name: /Restore/ }).click();
    await expect.poll(() => options.getByTestId('hidden-list').count()).toBe(0);
    // Focus is not lost with the entry: it is on what took its place.
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Nothing hidden');
    await expect.poll(unique).toEqual(SEED_IDS);
    await options.close();
  });

  test('hiding a claim on the site hides it on every page of the site until restored', async () => {
    await page.bringToFront();
    await openCardOf(CLAIM);
    await card().getByTestId('not-this-claim').click();
    await card().getByTestId('hide-claim').click();
    await expect.poll(unique).toEqual(SEED_IDS.filter((id) => id !== CLAIM));
    await expect.poll(() => toast().textContent()).toContain('Claim hidden on 127.0.0.1');
    // Another page of the same site.
    const other = await e().context.newPage();
    await other.goto(`${e().server.origin}/seed-variant.html`);
    await waitForMarks(other, SEED_IDS.length - 1);
    await other.waitForTimeout(300);
    expect([...new Set(await markedClaims(other))].sort()).toEqual(
      SEED_IDS.filter((id) => id !== CLAIM),
    );
    const options = await openOptions(e());
    const list = options.getByTestId('hidden-list');
    expect(await list.textContent()).toContain('This claim on 127.0.0.1');
    await list.getByRole('button', { name: /Restore/ }).click();
    await expect.poll(async () => [...new Set(await markedClaims(other))].sort()).toEqual(SEED_IDS);
    await expect.poll(unique).toEqual(SEED_IDS);
    await options.close();
    await other.close();
  });
});

describe('quiet mode', () => {
  test('keeps the badge and the popup list, paints no marks; off brings them back', async () => {
    const options = await openOptions(e());
    await options.getByTestId('toggle-quiet').check();
    await expect
      .poll(() =>
        page.evaluate(
          (tag) => document.querySelector(tag) === null && CSS.highlights.size === 0,
          HOST_TAG,
        ),
      )
      .toBe(true);
    const tabId = await tabIdOf(e(), page);
    expect(await badgeText(e(), tabId)).toBe(String(SEED_IDS.length));
    const popup = await openPopup(e(), page);
    await expect
      .poll(() => popup.locator('[data-testid="page-claims"] [data-claim]').count())
      .toBe(SEED_IDS.length);
    expect(await popup.getByTestId('quiet-note').textContent()).toContain('Quiet mode is on');
    // After a reload too: counted, not painted.
    await page.reload();
    await expect.poll(() => badgeText(e(), tabId)).toBe(String(SEED_IDS.length));
    expect(await markedClaims(page)).toEqual([]);
    await options.getByTestId('toggle-quiet').uncheck();
    await waitForMarks(page, SEED_IDS.length);
    expect(await unique()).toEqual(SEED_IDS);
    await popup.close();
    await options.close();
  });
});

describe('strictness on an open tab', () => {
  test('Broad adds the "possible" marks at once, labelled; Strict removes the weaker ones', async () => {
    await page.bringToFront();
    await page.reload();
    await waitForMarks(page, SEED_IDS.length);
    const possible = () =>
      page.evaluate((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return Array.from(root?.querySelectorAll('.fm-possible-mark') ?? []).map((m) =>
          m.getAttribute('data-factmark-claim'),
        );
      }, HOST_TAG);
    const count = () => markedClaims(page).then((ids) => ids.length);
    const balanced = await count();
    expect(await possible()).toEqual([]);
    const popup = await openPopup(e(), page);
    const strictness = (v: string) => popup.locator(`input[name="strictness"][value="${v}"]`);
    try {
      await strictness('broad').check();
      await expect.poll(possible, { timeout: 2_500 }).toEqual(['us-28-point-peace-plan']);
      expect(await count()).toBe(balanced + 1);
      await page.bringToFront();
      await page.locator(`${HOST_TAG} .fm-possible-mark`).click();
      await expect.poll(() => card().textContent()).toContain('Possible match');
      await strictness('strict').check();
      await expect.poll(count, { timeout: 2_500 }).toBeLessThan(balanced);
      expect(await possible()).toEqual([]);
      expect([...new Set(await markedClaims(page))]).not.toContain('gaza-ceasefire-trump');
    } finally {
      await strictness('balanced').check();
    }
    await expect.poll(count, { timeout: 2_500 }).toBe(balanced);
    await popup.close();
  });
});
