import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../tools/browser-harness';
import { HOST_TAG } from './helpers';

/**
 * Checks that Factmark never breaks a page (issue 14): what the page would report (its
 * errors, console errors, Factmark's own warnings), and a browser without the extension to
 * compare the page's own behaviour and layout against.
 */

/**
 * Starts collecting what the page reports: uncaught exceptions (`pageerror`: Chromium reports
 * the content script's too, in its isolated world), console errors, and Factmark's warnings.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The browser asks every origin for a favicon the fixtures do not have.
    if (m.location().url.endsWith('/favicon.ico')) return;
    if (m.type() === 'error' || (m.type() === 'warning' && m.text().includes('Factmark')))
      errors.push(`console.${m.type()}: ${m.text()}`);
  });
  return errors;
}

/** A Chromium without Factmark, same viewport as the extension's (tools/browser-harness.ts). */
export async function plainBrowser(): Promise<{ browser: Browser; page: () => Promise<Page> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
  });
  return { browser, page: () => context.newPage() };
}

/** The bounding box of every element matching `selector` (the page's layout), rounded to 0.01 px. */
export async function boxesOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const r = (n: number) => Math.round(n * 100) / 100;
    return Array.from(document.querySelectorAll(sel), (e) => {
      const b = e.getBoundingClientRect();
      return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} ${r(b.x)},${r(b.y)} ${r(b.width)}x${r(b.height)}`;
    });
  }, selector);
}

/** The claim of each marker with its rect and the rect of the page element it marks. */
export async function markerPlaces(
  page: Page,
): Promise<{ claim: string; marker: DOMRectInit; text: DOMRectInit | null }[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const plain = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    return Array.from(root?.querySelectorAll('[data-factmark-claim]') ?? [], (m) => {
      const claim = m.getAttribute('data-factmark-claim') ?? '';
      const el = document.querySelector(`[data-seed="${claim}"]`);
      return {
        claim,
        marker: plain(m.getBoundingClientRect()),
        text: el ? plain(el.getBoundingClientRect()) : null,
      };
    });
  }, HOST_TAG);
}
