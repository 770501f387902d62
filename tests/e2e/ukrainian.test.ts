import { describe, expect, test } from 'vitest';
import { HOST_TAG, SEED_IDS, openOptions, openPopup, useBrowser, waitForMarks } from './helpers';

/** The browser in Ukrainian (--lang=uk): every string from _locales/uk, dates and numbers by Intl. */
const e = useBrowser({ lang: 'uk' });

describe('the Ukrainian interface (--lang=uk)', () => {
  test('the card, the popup and the options page speak Ukrainian', async () => {
    const page = await e().context.newPage();
    await page.goto(`${e().server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    expect(
      await page.evaluate((tag) => {
        const m = document
          .querySelector(tag)
          ?.shadowRoot?.querySelector('[data-factmark-claim="ru-annexed-crimea-2014"]');
        return m?.getAttribute('aria-label') ?? '';
      }, HOST_TAG),
    ).toMatch(/^Перевірка фактів: Переважно правда\. /);
    await page
      .locator(`${HOST_TAG} [data-factmark-claim="ru-annexed-crimea-2014"]`)
      .first()
      .click();
    const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
    await expect.poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Переважно правда');
    expect(text).toContain('Перевірене твердження:');
    expect(text).toContain('Не це твердження');
    // The review date as Ukrainian writes it (Intl): "25 лист. 2026 р.".
    expect(text).toMatch(/Дата перевірки: \d{1,2} [а-яіїєґ]+\.? \d{4} р\. · \d+ [а-яіїєґ]+ тому/);

    const popup = await openPopup(e(), page);
    expect(await popup.getByRole('heading', { name: 'На цій сторінці' }).count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^uk/);
    // "27 754" (thousands split by a space, as Ukrainian writes them) and the plural form
    // Ukrainian uses for that count: 1, 2–4 "твердження", 5–20 "тверджень" (…4 -> "твердження").
    await expect.poll(() => popup.getByTestId('bundled-set').textContent()).toMatch(/\d{3} тверд/);
    const info = (await popup.getByTestId('bundled-set').textContent()) ?? '';
    const m = /(\d{1,3}(?:[\s\u202f\u00a0]\d{3})+) (твердження|тверджень),/.exec(info);
    expect(m, info).not.toBeNull();
    const n = Number((m?.[1] ?? '').replace(/\D/g, ''));
    const form = new Intl.PluralRules('uk').select(n) === 'many' ? 'тверджень' : 'твердження';
    expect(m?.[2]).toBe(form);
    await popup.close();

    const options = await openOptions(e());
    expect(await options.title()).toBe('Налаштування Factmark');
    expect(await options.getByRole('heading', { name: 'Приховані позначки' }).count()).toBe(1);
    await options.close();
    await page.close();
  });
});
