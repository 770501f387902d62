/**
 * `npm run bench [-- --pages N] [--no-build] [--runs R]` (R = 5 by default: a page's figure
 * is the median of its R loads, robust to a one-off stall of this 2-core VM; the demo article
 * is loaded at least 9 times): Factmark's cost, measured the way a browser engineer would,
 * in the Debian Chromium with the built extension, on ../shared/data/news-pages, the demo
 * article and a generated 5 MB article, all served on 127.0.0.1. Every figure is a median
 * over pages (and runs). Ends with one JSON object.
 *
 * Three browsers, one at a time (2 cores): no extension, a reference extension that only reads
 * every text node once (bench/reference-extension: the floor for any annotator), and Factmark.
 * Per page: time from the content script's start to marks painted (User Timing marks the
 * content script sets), main-thread script time (CDP Performance.getMetrics ScriptDuration,
 * the page's own subtracted), the longest task (PerformanceObserver 'longtask'), the CPU of
 * every Chromium process (/proc, service worker included), the JS heap added to the tab.
 * Then scaling: the same with 1,000 and 10,000 claims and the full bundled set.
 * Node figures come from bench/match.ts (matching speed) and bench/claims.ts (set size, load);
 * bench/feeds.ts and bench/limits.ts (pages and a claim set past the limits) run on their own;
 * the store packages' sizes and contents come from bench/packages.ts, the semantic channel's
 * figures ("Find restatements" on) from bench/semantic.ts, and what it costs for an imported
 * set's claims from bench/semantic-claims.ts.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import {
  cdpEval,
  cdpWaitFor,
  EXTENSION_DIR,
  launchWithExtension,
  serveStatic,
  type StaticServer,
} from '../tools/browser-harness';
import { readIndexFile } from '../tools/claim-set-files';
import { bundledDatasetClaims, extensionWithClaims } from '../tools/claim-set-variants';
import { HOST_TAG } from '../dom/overlay-host';
import { bigArticle } from '../tools/big-pages';
import { TIMING } from '../dom/timing';
import {
  cpuOf,
  emptyExtension,
  median,
  newsPages,
  offline,
  REFERENCE_EXT,
  type BenchPage,
} from '../tools/bench-pages';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`bench: ${name} needs a positive number`);
    process.exit(2);
  }
  return v;
};
const PAGE_LIMIT = opt('--pages', Infinity);
const RUNS = opt('--runs', 5);
/** The demo article's first mark is one page's figure: it gets at least this many loads. */
const DEMO_LOADS = 9;
const OUT = resolve('bench/out');
const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);
const log = (s: string) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------
// Browser and measurements

type Config = 'none' | 'reference' | 'factmark';

interface PageResult {
  page: string;
  scriptMs: number;
  taskMs: number;
  longestTaskMs: number;
  heapMB: number;
  cpuMs: number;
  /** Factmark: content script start -> first mark / all marks painted. */
  firstMarkMs?: number;
  doneMs?: number;
  marks?: number;
  /** Factmark: the longest stretch of its own synchronous work (its User Timing detail). */
  ownLongestMs?: number;
  /** Factmark: its stretches over 30 ms, as "<phase> <ms>" (its factmark-long measures). */
  longPhases?: string[];
  /** Factmark: the longest long task (>= 50 ms) holding one of those stretches; 0 if none. */
  longTaskWithOwnMs?: number;
  /** Reference: its walk's own duration. */
  walkMs?: number;
}

/** In the page's main world, before any script: remember the longest task. */
const LONGTASK_INIT = `(() => {
  window.__fmLongest = 0;
  window.__fmLongTasks = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.__fmLongest = Math.max(window.__fmLongest, e.duration);
        window.__fmLongTasks.push([e.startTime, e.startTime + e.duration]);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function launch(
  config: Config,
  extDir?: string,
): Promise<{ context: BrowserContext; marker: string; close: () => Promise<void> }> {
  if (config === 'none') {
    // Chromium with no extension: the same harness with an empty extension list.
    extDir = emptyExtension(join(OUT, 'no-extension'));
  }
  const dir = extDir ?? (config === 'reference' ? REFERENCE_EXT : EXTENSION_DIR);
  const ext = await launchWithExtension({
    extensionDir: dir,
    waitForWorker: config === 'factmark',
  });
  await ext.context.addInitScript({ content: LONGTASK_INIT });
  await offline(ext.context);
  return { context: ext.context, marker: ext.userDataDir, close: ext.close };
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** CDP returns NaN inside an object as null: the timing fields want it back as NaN. */
function nullToNaN(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? NaN : x]));
}

async function measurePage(
  context: BrowserContext,
  marker: string,
  server: StaticServer,
  p: BenchPage,
  config: Config,
): Promise<PageResult> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu0 = cpuOf(marker);
  await page.goto(server.origin + p.path, { waitUntil: 'load', timeout: 60_000 });
  const doneMark =
    config === 'factmark' ? TIMING.scanDone : config === 'reference' ? 'reference-done' : null;
  if (doneMark) {
    // Over raw CDP (cdpWaitFor), so nothing of Playwright's runs in the measured page.
    const expr = `performance.getEntriesByName(${JSON.stringify(doneMark)}).length > 0`;
    if (!(await cdpWaitFor(cdp, expr, 30_000))) log(`  ${p.name}: no ${doneMark} within 30 s`);
  }
  // Let idle work (batched marks, repositioning) finish.
  await sleep(400);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  // A string, not a function: tsx would wrap inner functions in a __name() the page lacks.
  const timing = (await cdpEval(
    cdp,
    `(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    const host = document.querySelector(${JSON.stringify(HOST_TAG)});
    const doneMarks = performance.getEntriesByName(${JSON.stringify(TIMING.scanDone)});
    const done = doneMarks.map((e) => e.startTime);
    const own = doneMarks.length ? doneMarks[doneMarks.length - 1].detail?.longestTaskMs : undefined;
    // Factmark's stretches over 30 ms (its factmark-long:<phase> measures).
    const longs = performance.getEntriesByType('measure').filter((m) => m.name.startsWith(${JSON.stringify(TIMING.longPrefix)}));
    return {
      longest: window.__fmLongest ?? 0,
      fmStart: at(${JSON.stringify(TIMING.start)}),
      fmFirst: at(${JSON.stringify(TIMING.firstMark)}),
      fmDone: done.length ? Math.max(...done) : NaN,
      fmOwnLongest: own ?? NaN,
      refStart: at('reference-start'),
      refDone: at('reference-done'),
      marks: host?.shadowRoot?.querySelectorAll('[data-factmark-claim]').length ?? 0,
      // The longest long task with a stretch of Factmark's own (>= 30 ms, a measure) inside.
      withOwn: Math.max(0, ...(window.__fmLongTasks ?? []).filter(([a, b]) =>
        longs.some((m) => m.startTime >= a - 1 && m.startTime + m.duration <= b + 1))
        .map(([a, b]) => b - a)),
      longPhases: longs.map((e) => e.name.slice(${TIMING.longPrefix.length}) + ' ' + Math.round(e.duration)),
    };
  })()`,
  ).then(nullToNaN)) as {
    longest: number;
    fmStart: number;
    fmFirst: number;
    fmDone: number;
    fmOwnLongest: number;
    refStart: number;
    refDone: number;
    marks: number;
    withOwn: number;
    longPhases: string[];
  };
  const cpu1 = cpuOf(marker);
  await cdp.detach();
  await page.close();
  const r: PageResult = {
    page: p.name,
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    longestTaskMs: timing.longest,
    heapMB: metric('JSHeapUsedSize') / 1024 / 1024,
    cpuMs: cpu1 - cpu0,
  };
  if (config === 'factmark') {
    r.firstMarkMs = timing.fmFirst - timing.fmStart;
    r.doneMs = timing.fmDone - timing.fmStart;
    r.marks = timing.marks;
    r.ownLongestMs = timing.fmOwnLongest;
    r.longPhases = timing.longPhases;
    r.longTaskWithOwnMs = timing.withOwn;
  }
  if (config === 'reference') r.walkMs = timing.refDone - timing.refStart;
  return r;
}

async function runConfig(
  config: Config,
  server: StaticServer,
  pages: BenchPage[],
  extDir?: string,
  runs = RUNS,
): Promise<Map<string, PageResult[]>> {
  const b = await launch(config, extDir);
  const out = new Map<string, PageResult[]>();
  try {
    // Warm-up: the first page pays for browser and (Factmark) claim-set start-up.
    const warm = pages[0];
    if (warm) await measurePage(b.context, b.marker, server, warm, config);
    for (let run = 0; run < runs; run++) {
      for (const p of pages) {
        const r = await measurePage(b.context, b.marker, server, p, config);
        out.set(p.name, [...(out.get(p.name) ?? []), r]);
      }
    }
    const demo = pages.find((p) => p.name === 'demo');
    // The main run only (not the scaling runs, which compare sizes on equal terms).
    for (let k = runs; demo && config === 'factmark' && !extDir && k < DEMO_LOADS; k++)
      out.get('demo')?.push(await measurePage(b.context, b.marker, server, demo, config));
  } finally {
    await b.close();
  }
  return out;
}

/** Time from browser start to the first mark on the demo article: a cold background. */
async function coldStart(server: StaticServer, extDir: string): Promise<number> {
  const b = await launch('factmark', extDir);
  try {
    const r = await measurePage(
      b.context,
      b.marker,
      server,
      { name: 'demo', path: '/demo-article.html' },
      'factmark',
    );
    return r.firstMarkMs ?? NaN;
  } finally {
    await b.close();
  }
}

const med = (
  m: Map<string, PageResult[]>,
  page: string,
  f: (r: PageResult) => number | undefined,
) => median((m.get(page) ?? []).map((r) => f(r) ?? NaN));

// ---------------------------------------------------------------------------------------
// Scaling: the same extension with smaller claim sets

// ---------------------------------------------------------------------------------------

function nodeBench(script: string, extra: string[] = []): Record<string, unknown> | null {
  try {
    const out = execFileSync('npx', ['tsx', script, ...extra], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const last = out.trim().split('\n').pop() ?? '';
    return JSON.parse(last) as Record<string, unknown>;
  } catch (err) {
    log(`bench: ${script} failed: ${(err as Error).message.split('\n')[0]}`);
    return null;
  }
}

async function main(): Promise<void> {
  if (!args.includes('--no-build'))
    execSync('npm run --silent build', { stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(OUT, { recursive: true });
  const server = await serveStatic('tests/fixtures/pages');
  const big = bigArticle();
  server.put('/big-5mb.html', big);
  const news = newsPages(server, PAGE_LIMIT);
  const demo: BenchPage = { name: 'demo', path: '/demo-article.html' };
  const bigPage: BenchPage = { name: 'big-5mb', path: '/big-5mb.html' };
  const pages = [demo, ...news, bigPage];
  log(
    `bench: ${news.length} news pages + demo + 5 MB article (${(big.length / 1e6).toFixed(1)} MB), ${RUNS} run(s)`,
  );

  const results: Record<Config, Map<string, PageResult[]>> = {
    none: await runConfig('none', server, pages),
    reference: await runConfig('reference', server, pages),
    factmark: await runConfig('factmark', server, pages),
  };
  log('bench: pages done');

  const perPage = pages.map((p) => {
    const none = (f: (r: PageResult) => number) => med(results.none, p.name, f);
    const ref = (f: (r: PageResult) => number | undefined) => med(results.reference, p.name, f);
    const fm = (f: (r: PageResult) => number | undefined) => med(results.factmark, p.name, f);
    const baseScript = none((r) => r.scriptMs);
    const refAdded = Math.max(0.01, ref((r) => r.scriptMs) - baseScript);
    const fmAdded = fm((r) => r.scriptMs) - baseScript;
    return {
      page: p.name,
      marks: fm((r) => r.marks),
      firstMarkMs: fm((r) => r.firstMarkMs),
      doneMs: fm((r) => r.doneMs),
      referenceWalkMs: ref((r) => r.walkMs),
      referenceAddedScriptMs: refAdded,
      addedScriptMs: fmAdded,
      scriptRatio: fmAdded / refAdded,
      longestTaskMs: fm((r) => r.longestTaskMs),
      ownLongestTaskMs: fm((r) => r.ownLongestMs),
      longestTaskWithoutMs: none((r) => r.longestTaskMs),
      longestTaskReferenceMs: ref((r) => r.longestTaskMs),
      addedCpuMs: fm((r) => r.cpuMs) - none((r) => r.cpuMs),
      addedHeapMB: fm((r) => r.heapMB) - none((r) => r.heapMB),
      longPhases: (results.factmark.get(p.name) ?? []).flatMap((r) => r.longPhases ?? []),
    };
  });
  const newsRows = perPage.filter((r) => r.page !== 'demo' && r.page !== 'big-5mb');
  const medianPageRatio = median(newsRows.map((r) => r.scriptRatio));
  const demoRow = perPage.find((r) => r.page === 'demo');
  const demoFirst = (results.factmark.get('demo') ?? [])
    .map((r) => r.firstMarkMs ?? NaN)
    .filter((x) => Number.isFinite(x));
  const bigRow = perPage.find((r) => r.page === 'big-5mb');
  const allLoads = [...results.factmark.values()].flat();
  // The longest task Factmark causes: the longest long task (>= 50 ms, the page's Long Tasks
  // observer) holding a stretch of Factmark's own over 30 ms, over every load. (Comparing a
  // page's longest task with and without Factmark mostly measures the page's own scripts,
  // which vary by hundreds of ms from load to load.)
  const causedLongest = Math.max(0, ...allLoads.map((r) => r.longTaskWithOwnMs ?? 0));
  // Factmark's longest own stretch over every single load (the per-page figures are medians).
  const ownEveryLoad = Math.max(
    ...allLoads.map((r) => r.ownLongestMs ?? NaN).filter(Number.isFinite),
  );
  const ownOver50 = allLoads.filter((r) => (r.ownLongestMs ?? 0) > 50).length;

  for (const r of perPage) {
    log(
      `${r.page.padEnd(34)} marks ${String(r.marks).padStart(3)}  done ${String(round(r.doneMs)).padStart(7)} ms  script +${String(round(r.addedScriptMs)).padStart(6)} ms (ref +${round(r.referenceAddedScriptMs)})  longest ${round(r.longestTaskMs)} ms (without ${round(r.longestTaskWithoutMs)}, reference ${round(r.longestTaskReferenceMs)}, own ${round(r.ownLongestTaskMs)})  cpu +${round(r.addedCpuMs)} ms  heap +${round(r.addedHeapMB, 2)} MB${r.longPhases.length ? `  stretches over 30 ms: ${r.longPhases.join(', ')}` : ''}`,
    );
  }

  // Scaling on a sample of pages.
  const sample = [demo, ...news.slice(0, 15)];
  const scaling: Record<
    string,
    {
      claims: number;
      medianDoneMs: number | null;
      medianCpuMs: number | null;
      coldFirstMarkMs: number | null;
    }
  > = {};
  // The smaller sets are samples of the dataset claims (every k-th), built by claims:build.
  const total = bundledDatasetClaims();
  const sizes = [1_000, 10_000, total].map((n) => ({
    n,
    label: n >= total ? 'full' : String(n),
    dir: n >= total ? EXTENSION_DIR : extensionWithClaims(join(OUT, `ext-${n}`), { sample: n }).dir,
    runs: new Map<string, PageResult[]>(),
    cold: [] as number[],
  }));
  // The sizes take turns, one browser run each per round, so a slower stretch of the
  // machine falls on every size alike instead of on whichever ran then.
  for (let turn = 0; turn < RUNS; turn++) {
    for (const s of sizes) {
      const r = await runConfig('factmark', server, sample, s.dir, 1);
      for (const [page, rs] of r) s.runs.set(page, [...(s.runs.get(page) ?? []), ...rs]);
      if (turn === 0) s.cold.push(await coldStart(server, s.dir));
    }
  }
  for (const s of sizes) {
    scaling[s.label] = {
      claims: s.n,
      medianDoneMs: round(median(sample.map((p) => med(s.runs, p.name, (x) => x.doneMs)))),
      medianCpuMs: round(median(sample.map((p) => med(s.runs, p.name, (x) => x.cpuMs)))),
      coldFirstMarkMs: round(median(s.cold)),
    };
    log(`scaling ${s.label}: ${JSON.stringify(scaling[s.label])}`);
  }
  await server.close();

  const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
  // The index the background loads at start (display files are read per matched claim).
  const bundled = readIndexFile(join(EXTENSION_DIR, 'claims'));
  const fullDone = scaling.full?.medianDoneMs ?? NaN;
  const thousandDone = scaling['1000']?.medianDoneMs ?? NaN;

  const result = {
    pages: perPage.length,
    runs: RUNS,
    demo: {
      firstMarkMs: round(demoRow?.firstMarkMs ?? NaN),
      firstMarkLoads: demoFirst.length,
      firstMarkMinMs: round(Math.min(...demoFirst)),
      firstMarkMaxMs: round(Math.max(...demoFirst)),
      doneMs: round(demoRow?.doneMs ?? NaN),
      marks: demoRow?.marks ?? null,
    },
    medianPage: {
      doneMs: round(median(newsRows.map((r) => r.doneMs))),
      addedScriptMs: round(median(newsRows.map((r) => r.addedScriptMs))),
      referenceAddedScriptMs: round(median(newsRows.map((r) => r.referenceAddedScriptMs))),
      scriptRatioToReference: round(medianPageRatio, 2),
      addedCpuMs: round(median(newsRows.map((r) => r.addedCpuMs))),
      addedHeapMB: round(median(newsRows.map((r) => r.addedHeapMB)), 2),
    },
    longestTaskCausedMs: round(causedLongest),
    // Factmark's own longest synchronous stretch on any page (content script, per its timing).
    ownLongestTaskMs: round(
      Math.max(...perPage.map((r) => r.ownLongestTaskMs).filter(Number.isFinite)),
    ),
    ownLongestTaskMsMedianPage: round(median(newsRows.map((r) => r.ownLongestTaskMs))),
    ownLongestTaskMsAnyLoad: round(ownEveryLoad),
    loadsWithOwnStretchOver50Ms: ownOver50,
    loads: allLoads.length,
    big5mb: {
      doneMs: round(bigRow?.doneMs ?? NaN),
      longestTaskMs: round(bigRow?.longestTaskMs ?? NaN),
      longestTaskWithoutMs: round(bigRow?.longestTaskWithoutMs ?? NaN),
      ownLongestTaskMs: round(bigRow?.ownLongestTaskMs ?? NaN),
      marks: bigRow?.marks ?? null,
    },
    scaling,
    fullVs1000TimeRatio: round(fullDone / thousandDone, 2),
    contentScript: { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length },
    bundledSet: { bytes: bundled.length, gzipBytes: gzipSync(bundled, { level: 9 }).length },
    node: { match: nodeBench('bench/match.ts'), claims: nodeBench('bench/claims.ts') },
    // 50,000 claims from a feed, in Chromium (bench/feeds.ts; README "Claim feeds").
    feeds: nodeBench('bench/feeds.ts'),
    // A page of 100,000+ text nodes, a 5 MB article, ten times the claims (bench/limits.ts).
    limits: nodeBench('bench/limits.ts', ['--no-build']),
    // "Find restatements" on: the semantic mark's time cold and warm, the 5,000-word
    // article's last semantic reply, its added CPU per news page, memory with the model
    // (bench/semantic.ts).
    semantic: nodeBench('bench/semantic.ts', ['--runs', String(RUNS)]),
    // The same for an imported or feed set, whose claim texts the worker embeds the first
    // time a page comes close to them: a request's time new and cached (bench/semantic-claims.ts).
    semanticClaims: nodeBench('bench/semantic-claims.ts', ['--runs', String(RUNS)]),
    // The store packages: sizes, largest files, what a store would refuse (bench/packages.ts).
    packages: nodeBench('bench/packages.ts', args.includes('--no-build') ? [] : ['--build']),
  };
  console.log(JSON.stringify(result));
}

await main();
