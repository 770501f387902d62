/**
 * npx tsx bench/claims.ts — budgets of the bundled claim set (issue 4), measured in Node's
 * V8 as a stand-in for the service worker, which loads the set once and shares it across
 * tabs (the in-browser bench measures the real thing):
 *   size of public/claims/bundled.json on disk and gzip-compressed (node:zlib, level 9),
 *   load time = JSON.parse + loadClaimSet (median of runs; parse and load also separately),
 *   first card lookup (builds the id map), heap and typed-array memory the loaded set keeps.
 * Ends by printing one JSON object. Run `npm run claims:build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { loadClaimSet, type ClaimSet } from '../lib/claims/claim-set';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(ROOT, process.argv[2] ?? 'public/claims/bundled.json');
const RUNS = Number(process.env.RUNS ?? 15);

// Expose gc() without a command-line flag, so memory is measured after collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const MB = 1024 * 1024;

/** Mean time of a card lookup (decode one row), over every 97th claim. */
function meanLookupUs(set: ClaimSet): number {
  const ids = set.claims.ids();
  const t0 = performance.now();
  let n = 0;
  for (let i = 0; i < ids.length; i += 97) if (set.claims.get(ids[i] ?? '')) n++;
  return ((performance.now() - t0) / n) * 1000;
}

/** Parses in its own frame, so the file's text is garbage on return (as in the extension,
 * where fetch's json() parses the response directly); only the loaded set stays reachable. */
function loadFresh(bytes: Buffer): ClaimSet {
  return loadClaimSet(JSON.parse(bytes.toString('utf8')) as unknown);
}

/** What a loaded set keeps, measured first, in a fresh heap, after full collections. */
function measureMemory(bytes: Buffer): { kept: ClaimSet; heapAdded: number; buffersAdded: number } {
  gc();
  gc();
  const before = process.memoryUsage();
  const kept = loadFresh(bytes);
  gc();
  gc();
  const after = process.memoryUsage();
  return {
    kept,
    heapAdded: after.heapUsed - before.heapUsed,
    buffersAdded: after.arrayBuffers - before.arrayBuffers,
  };
}

/** Times RUNS loads after two warm-up runs; the loaded sets are garbage once it returns. */
function timeLoads(text: string) {
  const parse: number[] = [];
  const load: number[] = [];
  const total: number[] = [];
  const firstLookup: number[] = [];
  let lookupUs = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const json: unknown = JSON.parse(text);
    const t1 = performance.now();
    const s = loadClaimSet(json);
    const t2 = performance.now();
    s.claims.get(s.claims.ids()[s.claims.size >> 1] ?? '');
    const t3 = performance.now();
    if (i < 2) continue;
    parse.push(t1 - t0);
    load.push(t2 - t1);
    total.push(t2 - t0);
    firstLookup.push(t3 - t2);
    if (i === RUNS + 1) lookupUs = meanLookupUs(s);
  }
  return { parse, load, total, firstLookup, lookupUs };
}

function main(): void {
  if (!existsSync(FILE)) {
    console.error(
      `bench/claims: ${relative(ROOT, FILE)} not found; run npm run claims:build first`,
    );
    process.exit(1);
  }
  const bytes = readFileSync(FILE);
  const text = bytes.toString('utf8');
  const gzip = gzipSync(bytes, { level: 9 }).length;

  const memory = measureMemory(bytes);
  const { parse, load, total, firstLookup, lookupUs } = timeLoads(text);
  const { kept, heapAdded, buffersAdded } = memory;

  const result = {
    file: relative(ROOT, FILE),
    claims: kept.meta.count,
    origins: kept.meta.origins,
    built: kept.meta.built,
    sizeBytes: bytes.length,
    sizeMB: round(bytes.length / MB, 2),
    gzipBytes: gzip,
    gzipMB: round(gzip / MB, 2),
    runs: RUNS,
    parseMsMedian: round(median(parse)),
    loadClaimSetMsMedian: round(median(load)),
    loadTotalMsMedian: round(median(total)),
    loadTotalMsMin: round(Math.min(...total)),
    firstLookupMsMedian: round(median(firstLookup), 2),
    lookupUsMean: round(lookupUs, 1),
    heapAddedMB: round(heapAdded / MB, 1),
    typedArraysAddedMB: round(buffersAdded / MB, 1),
    memoryAddedMB: round((heapAdded + buffersAdded) / MB, 1),
    budgets: { loadMs: 20, memoryMBPerTab: 5 },
    note: 'Node V8 stand-in for the service worker, which loads the set once for all tabs.',
  };
  console.log(JSON.stringify(result));
}

main();
