/**
 * `npm run demo [-- --screenshot FILE] [--dark]`: builds the extension, serves the demo
 * article on 127.0.0.1 and opens it in Chromium with Factmark loaded (headed where a display
 * exists). With --screenshot, writes a PNG of the page with a note card open, then exits.
 */
import { execSync } from 'node:child_process';
import { HOST_TAG } from '../dom/overlay-host';
import { TIMING } from '../dom/timing';
import {
  cdpWaitFor,
  launchWithExtension,
  openPopupFor,
  serveStatic,
} from '../tools/browser-harness';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) {
    console.error(`demo: ${name} needs a value`);
    process.exit(2);
  }
  return v;
}

const screenshot = arg('--screenshot');
const popupShot = arg('--popup-screenshot');
const dark = process.argv.includes('--dark');
const headed = !screenshot && !popupShot && !!process.env.DISPLAY && !process.env.CI;

if (!process.argv.includes('--no-build')) execSync('npm run --silent build', { stdio: 'inherit' });

const server = await serveStatic('tests/fixtures/pages');
const ext = await launchWithExtension({ headless: !headed, colorScheme: dark ? 'dark' : 'light' });
const page = await ext.context.newPage();
const url = `${server.origin}/demo-article.html`;
// Over raw CDP: page.waitForFunction would inject Playwright's selector engine into the page
// while the first mark is being timed.
const cdp = await ext.context.newCDPSession(page);
const waitForMarks = async () => {
  const expr = `(document.querySelector(${JSON.stringify(HOST_TAG)})?.shadowRoot
    ?.querySelectorAll('[data-factmark-claim]').length ?? 0) > 0 &&
    performance.getEntriesByName(${JSON.stringify(TIMING.firstMark)}).length > 0`;
  if (!(await cdpWaitFor(cdp, expr, 15_000)))
    throw new Error(`demo: no Factmark mark on ${url} within 15 s`);
};
await page.goto(url);
await waitForMarks();
await page.waitForTimeout(300);
const readSummary = () =>
  page.evaluate(
    (names) => {
      const markers = Array.from(
        document.querySelector(names.host)?.shadowRoot?.querySelectorAll('[data-factmark-claim]') ??
          [],
      );
      // No helper functions in here: tsx would wrap them in a __name() the page does not have.
      const start = performance.getEntriesByName(names.start)[0]?.startTime;
      const first = performance.getEntriesByName(names.firstMark)[0]?.startTime;
      return {
        claims: markers.map((m) => m.getAttribute('data-factmark-claim')),
        msToFirstMark: start !== undefined && first !== undefined ? first - start : null,
      };
    },
    { host: HOST_TAG, start: TIMING.start, firstMark: TIMING.firstMark },
  );
const cold = await readSummary();
// Again with the background already running (the usual case: it stays up while you browse).
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  await page.reload();
  await waitForMarks();
  warm.push((await readSummary()).msToFirstMark ?? NaN);
}
const summary = await readSummary();
warm.sort((a, b) => a - b);
console.log(`Demo article: ${url}`);
console.log(`Marked ${summary.claims.length} sentences: ${summary.claims.join(', ')}`);
if (cold.msToFirstMark !== null) {
  console.log(
    `Content script start to first mark: ${cold.msToFirstMark.toFixed(1)} ms with a cold background (first page after the browser starts)`,
  );
}
console.log(
  `Content script start to first mark: ${(warm[2] ?? NaN).toFixed(1)} ms with the background running (median of 5 reloads; ${warm.map((w) => w.toFixed(0)).join(', ')})`,
);

if (screenshot) {
  const marker = page.locator(`${HOST_TAG} [data-factmark-claim="ru-annexed-crimea-2014"]`).first();
  await marker.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -260));
  await marker.click();
  await page.waitForSelector(`${HOST_TAG} [data-testid="factmark-card"]`);
  await page.waitForTimeout(200);
  await page.screenshot({ path: screenshot });
  console.log(`Screenshot with a note card open: ${screenshot}`);
}

if (popupShot) {
  // The popup for the demo tab, opened as a page of its own (`?tab=` names the tab).
  const popup = await openPopupFor(ext, page, { width: 360, height: 720 });
  await popup.waitForSelector('[data-testid="page-claims"]');
  await popup.screenshot({ path: popupShot, fullPage: true });
  console.log(`Screenshot of the popup: ${popupShot}`);
}

if (headed) {
  console.log('Chromium is open with Factmark loaded. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => process.on('SIGINT', () => resolve()));
}
await ext.close();
await server.close();
