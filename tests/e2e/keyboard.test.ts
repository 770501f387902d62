import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  HOST_TAG,
  SEED_IDS,
  focusedClaim,
  markedClaims,
  useBrowser,
  waitForMarks,
  waitForNoMarks,
} from './helpers';

const e = useBrowser();
let page: Page;

/** What has focus: a marker ("mark:<claim>") or a page element (its tag and href). */
const stop = () =>
  page.evaluate((tag) => {
    const a = document.activeElement;
    if (a?.tagName.toLowerCase() === tag) {
      const inner = a.shadowRoot?.activeElement;
      return `mark:${inner?.getAttribute('data-factmark-claim') ?? '?'}`;
    }
    return a ? `${a.tagName.toLowerCase()}${a.getAttribute('href') ?? ''}` : 'none';
  }, HOST_TAG);

/**
 * The extension's shortcuts cannot be pressed in a headless browser (they are browser
 * accelerators, not page keys): this calls, in the service worker, the very handler
 * `commands.onCommand` calls (utils/commands.ts `runCommand`).
 */
const command = (name: string) =>
  e().ext.worker.evaluate(
    (n) =>
      (
        globalThis as unknown as { factmarkRunCommand: (n: string) => Promise<void> }
      ).factmarkRunCommand(n),
    name,
  );

describe('keyboard', () => {
  test('Tab reaches each marker once, in reading order: after the links before it, before the comment box', async () => {
    page = await e().context.newPage();
    await page.goto(`${e().server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    const inOrder = await markedClaims(page).then(() =>
      page.evaluate((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return Array.from(root?.querySelectorAll('[data-factmark-claim]') ?? []).map(
          (m) => `mark:${m.getAttribute('data-factmark-claim')}`,
        );
      }, HOST_TAG),
    );
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      stops.push(await stop());
      if (stops.at(-1) === 'a/contact') break;
    }
    const marks = stops.filter((s) => s.startsWith('mark:'));
    expect(marks).toEqual(inOrder);
    const at = (s: string) => stops.indexOf(s);
    expect(at(inOrder[0] as string)).toBeGreaterThan(at('a/sport'));
    expect(at(inOrder.at(-1) as string)).toBeLessThan(at('textarea'));
    // The focused marker shows it: a solid outline.
    await page.keyboard.press('Shift+Tab');
    while (!(await stop()).startsWith('mark:')) await page.keyboard.press('Shift+Tab');
    expect(await stop()).toBe(inOrder.at(-1));
    const outline = await page.evaluate((tag) => {
      const m = document.querySelector(tag)?.shadowRoot?.activeElement;
      return m ? getComputedStyle(m).outlineStyle : 'none';
    }, HOST_TAG);
    expect(outline).toBe('solid');
  });

  test('the next and previous claim commands go from mark to mark, opening each card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const order = await page.evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      return Array.from(root?.querySelectorAll('[data-factmark-claim]') ?? []).map(
        (m) => m.getAttribute('data-factmark-claim') ?? '',
      );
    }, HOST_TAG);
    const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
    await command('next-claim');
    await expect.poll(() => focusedClaim(page)).toBe(order[0]);
    await expect.poll(() => card.count()).toBe(1);
    await command('next-claim');
    await expect.poll(() => focusedClaim(page)).toBe(order[1]);
    await command('previous-claim');
    await expect.poll(() => focusedClaim(page)).toBe(order[0]);
    // Before the first: round to the last.
    await command('previous-claim');
    await expect.poll(() => focusedClaim(page)).toBe(order.at(-1));
  });

  test('the toggle command switches the marks off and on again', async () => {
    await command('toggle-marks');
    await waitForNoMarks(page);
    await command('toggle-marks');
    const ids = await waitForMarks(page, SEED_IDS.length);
    expect([...new Set(ids)].sort()).toEqual(SEED_IDS);
  });
});
