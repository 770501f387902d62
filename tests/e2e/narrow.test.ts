import { describe, expect, test } from 'vitest';
import { HOST_TAG, SEED_IDS, openOptions, openPopup, useBrowser, waitForMarks } from './helpers';

const e = useBrowser();

/**
 * A 360 px wide window (a phone-sized window, or a 720 px one at 200% zoom: both give the page
 * 360 CSS px): the card, the popup and the options page fit it, with nothing cut off and no
 * sideways scrolling.
 */
describe('a 360 px window (or 200% zoom)', () => {
  test('the card fits the window, its "Not this claim" in view', async () => {
    const page = await e().context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${e().server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    for (const id of ['ru-holds-fifth-of-ukraine', 'gaza-ceasefire-trump']) {
      await page.keyboard.press('Escape');
      await page.locator(`${HOST_TAG} [data-factmark-claim="${id}"]`).first().click();
      const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
      await expect.poll(() => card.count()).toBe(1);
      const box = await card.boundingBox();
      expect(box, id).not.toBeNull();
      if (!box) return;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(740);
      const not = await card.getByTestId('not-this-claim').boundingBox();
      expect(not && not.y + not.height <= box.y + box.height).toBe(true);
    }
    // Nothing of Factmark's reaches past the window (the demo page's own menu does: not ours).
    const wide = await page.evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      return Array.from(root?.querySelectorAll('*') ?? [])
        .filter((el) => el.getBoundingClientRect().right > 360)
        .map((el) => el.className);
    }, HOST_TAG);
    expect(wide).toEqual([]);

    const popup = await openPopup(e(), page);
    await popup.setViewportSize({ width: 360, height: 640 });
    await expect
      .poll(() => popup.locator('[data-testid="page-claims"] [data-claim]').count())
      .toBe(SEED_IDS.length);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await popup.close();

    const options = await openOptions(e());
    await options.setViewportSize({ width: 360, height: 640 });
    expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await options.close();
    await page.close();
  });
});
