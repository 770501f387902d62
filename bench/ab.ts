/**
 * `npx tsx bench/ab.ts [--pages N] [--rounds R] [--semantic LABEL] LABEL=DIR ...`: the
 * main-thread script that each built extension adds to the first N news pages, in one run,
 * beside the reference text walk. `--semantic LABEL` switches "Find restatements" on in that
 * configuration (the same build may be passed twice under two labels). `npm run bench`'s
 * script figure is measured once per configuration, one after the other, so two runs of the
 * same build differ by more than most code changes do on this 2-core VM; here the
 * configurations take turns round by round (no extension, the reference walk, then each DIR,
 * one browser at a time), so whatever the machine does falls on all of them.
 * Per page: the median over rounds of CDP ScriptDuration, less the no-extension figure; then
 * the median over pages. To compare commits, build each in a git worktree (`npm run build`)
 * and pass its `.output/chrome-mv3`. Ends with one JSON object.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cdpWaitFor, launchWithExtension, serveStatic } from '../tools/browser-harness';
import {
  emptyExtension,
  median,
  newsPages,
  offline,
  REFERENCE_EXT,
  setSemantic,
  type BenchPage,
} from '../tools/bench-pages';
import { TIMING } from '../dom/timing';

const args = process.argv.slice(2);
const num = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  const v = i < 0 ? dflt : Number(args[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`bench/ab: ${name} needs a whole number`);
  return v;
};
const PAGES = num('--pages', 24);
const ROUNDS = num('--rounds', 3);
const semanticOn = new Set(args.filter((_, i) => args[i - 1] === '--semantic'));
const builds = args
  .filter((a, i) => a.includes('=') && !args[i - 1]?.startsWith('--'))
  .map((a) => {
    const [label = '', dir = ''] = a.split('=');
    if (!existsSync(join(dir, 'manifest.json')))
      throw new Error(`bench/ab: ${a}: no manifest.json in ${dir}`);
    return { label, dir: resolve(dir) };
  });
if (builds.length === 0) {
  console.error(
    'usage: npx tsx bench/ab.ts [--pages N] [--rounds R] [--semantic LABEL] LABEL=DIR ...',
  );
  process.exit(2);
}

const configs = [
  { label: 'none', dir: emptyExtension(resolve('bench/out/ab-empty')), done: null, worker: false },
  { label: 'reference', dir: REFERENCE_EXT, done: 'reference-done', worker: false },
  // Waited for until every strictness pass (and, with the option on, the semantic pass) is done.
  ...builds.map((b) => ({ ...b, done: TIMING.othersDone as string, worker: true })),
];

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

const server = await serveStatic('tests/fixtures/pages');
const pages = newsPages(server, PAGES);

/** script[label][page]: ScriptDuration (ms) of each load. */
const script = new Map<string, Map<string, number[]>>();
for (let round = 0; round < ROUNDS; round++) {
  for (const c of configs) {
    const ext = await launchWithExtension({ extensionDir: c.dir, waitForWorker: c.worker });
    await offline(ext.context);
    if (c.worker) await setSemantic(ext.worker, semanticOn.has(c.label));
    try {
      // The first load warms the browser (and the extension's claim set) and is not counted.
      for (const [i, p] of [pages[0] as BenchPage, ...pages].entries()) {
        const page = await ext.context.newPage();
        const cdp = await ext.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(server.origin + p.path, { waitUntil: 'load', timeout: 60_000 });
        if (c.done)
          await cdpWaitFor(
            cdp,
            `performance.getEntriesByName(${JSON.stringify(c.done)}).length > 0`,
            30_000,
          );
        await sleep(400);
        const { metrics } = await cdp.send('Performance.getMetrics');
        const ms = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
        if (i > 0) {
          const byPage = script.get(c.label) ?? new Map<string, number[]>();
          script.set(c.label, byPage.set(p.name, [...(byPage.get(p.name) ?? []), ms]));
        }
        await cdp.detach();
        await page.close();
      }
    } finally {
      await ext.close();
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS}: ${c.label}\n`);
  }
}
await server.close();

const added = (label: string, page: string) =>
  median(script.get(label)?.get(page) ?? []) - median(script.get('none')?.get(page) ?? []);
const result: Record<string, { addedScriptMs: number; timesReference?: number }> = {};
const ref = pages.map((p) => Math.max(0.01, added('reference', p.name)));
for (const c of configs.slice(1)) {
  const own = pages.map((p) => added(c.label, p.name));
  const r = { addedScriptMs: Math.round(median(own) * 100) / 100 };
  if (c.label === 'reference') {
    result[c.label] = r;
    console.log(`reference    added script, median page: ${r.addedScriptMs} ms`);
    continue;
  }
  const times = Math.round(median(own.map((x, i) => x / (ref[i] as number))) * 100) / 100;
  result[c.label] = { ...r, timesReference: times };
  console.log(
    `${c.label.padEnd(12)} added script, median page: ${r.addedScriptMs} ms (${times}x the reference walk)`,
  );
}
console.log(JSON.stringify({ pages: pages.length, rounds: ROUNDS, ...result }));
process.exit(0);
