import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import type { StaticServer } from './browser-harness';

/**
 * What the browser benches share (bench/run.ts, bench/ab.ts, bench/semantic.ts): the saved news
 * pages served on 127.0.0.1, Chromium with no extension of ours, a network that fails at once,
 * the median, and "Find restatements" switched in the extension's stored settings.
 */

export const NEWS_DIR = resolve('../shared/data/news-pages');
export const REFERENCE_EXT = resolve('bench/reference-extension');

export interface BenchPage {
  name: string;
  path: string;
}

/** The first `limit` saved news pages (by name), put on `server` under /news/NAME.html. */
export function newsPages(server: StaticServer, limit = Infinity): BenchPage[] {
  const names = readdirSync(NEWS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(NEWS_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  return names.slice(0, Math.min(names.length, limit)).map((name) => {
    const path = `/news/${name}.html`;
    server.put(path, readFileSync(join(NEWS_DIR, name, 'source.html'), 'utf8'));
    return { name, path };
  });
}

/** An extension that does nothing (in `dir`): Chromium launched as for ours, without it. */
export function emptyExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0.0' }),
  );
  return dir;
}

/** Saved pages link to their sites' servers; there is no network here, so fail those at once. */
export async function offline(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}

/** The median of the finite values (NaN when there are none). */
export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Sum of user+system CPU (ms) of every process whose command line names `marker`. */
export function cpuOf(marker: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(marker)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we read it.
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Writes `patch` over the stored settings (defaults for what is not stored), through the extension's service worker. */
export function patchSettings(worker: Worker, patch: Partial<Settings>): Promise<void> {
  return worker.evaluate(
    async ([patch, defaults]) => {
      const c = (
        globalThis as unknown as {
          chrome: {
            storage: {
              local: {
                get(k: string): Promise<Record<string, object>>;
                set(v: object): Promise<void>;
              };
            };
          };
        }
      ).chrome;
      const { settings } = await c.storage.local.get('settings');
      await c.storage.local.set({ settings: { ...defaults, ...settings, ...patch } });
    },
    [patch, DEFAULT_SETTINGS] as const,
  );
}

/** Switches "Find restatements" in the stored settings. */
export function setSemantic(worker: Worker, on: boolean): Promise<void> {
  return patchSettings(worker, { semantic: on });
}
