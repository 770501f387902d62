/**
 * What a page that never stops rewriting itself costs with Factmark (README "Live pages"):
 * `tests/fixtures/pages/live-feed.html` rewrites a line every 10 ms for `seconds`; the main
 * thread's script time (CDP `Performance.getMetrics` ScriptDuration) and Factmark's re-reads
 * (its TIMING.scanDone marks) are counted over the churn, once with Factmark on and once with
 * it switched off for the site (the page's own cost). Used by `tests/e2e/live.test.ts` (the
 * re-read bound) and `bench/limits.ts` (the script-time figure, median of several runs).
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { TIMING } from '../dom/timing';
import { patchSettings } from './bench-pages';

export interface ChurnRun {
  /** Main-thread script (ms) over the churn and the 300 ms after it. */
  scriptMs: number;
  /** Factmark's re-reads of the page over the same time. */
  rereads: number;
}

export interface ChurnCost {
  on: ChurnRun;
  off: ChurnRun;
  /** Script Factmark added per second of churn (ms): (on - off) / seconds. */
  addedMsPerSecond: number;
}

/** Switches Factmark off (or back on) for 127.0.0.1 by writing the stored settings. */
const setSiteOff = (worker: Worker, off: boolean): Promise<void> =>
  patchSettings(worker, { disabledSites: off ? ['127.0.0.1'] : [] });

/**
 * Measures one page of the live-feed fixture, already loaded and marked, over `seconds` of
 * churn with Factmark on, then off for the site; leaves the site switched back on.
 */
export async function churnCost(
  context: BrowserContext,
  worker: Worker,
  page: Page,
  seconds: number,
): Promise<ChurnCost> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const scans = () =>
    page.evaluate((name) => performance.getEntriesByName(name).length, TIMING.scanDone);
  const run = async (): Promise<ChurnRun> => {
    const [s0, r0] = [await scriptMs(), await scans()];
    await page.evaluate(
      (ms) => (window as unknown as { startChurn: (ms: number) => void }).startChurn(ms),
      seconds * 1000,
    );
    await page.waitForTimeout(seconds * 1000 + 300);
    return { scriptMs: (await scriptMs()) - s0, rereads: (await scans()) - r0 };
  };
  try {
    const on = await run();
    await setSiteOff(worker, true);
    await page.waitForTimeout(300);
    const off = await run();
    return { on, off, addedMsPerSecond: (on.scriptMs - off.scriptMs) / seconds };
  } finally {
    await setSiteOff(worker, false);
    await cdp.detach().catch(() => undefined);
  }
}
