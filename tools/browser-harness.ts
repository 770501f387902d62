/**
 * Shared by the e2e tests, `npm run demo` and `npm run bench`: serve fixture pages on
 * 127.0.0.1 and launch the Debian Chromium with the built extension loaded.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Serve a page from memory at `path` (for generated pages; HTML unless `type` says). */
  put(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** Serves files under `root` (and pages put in memory) on 127.0.0.1, on a free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const memory = new Map<string, { body: string; type: string }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const mem = memory.get(path);
    if (mem !== undefined) {
      res.writeHead(200, { 'content-type': mem.type });
      res.end(mem.body);
      return;
    }
    const file = resolve(base, '.' + path);
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${addr.port}`,
    requests,
    put: (path, body, type = TYPES['.html'] as string) => void memory.set(path, { body, type }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** Empty when the extension has no background (`waitForWorker: false`). */
  extensionId: string;
  worker: Worker;
  /** The profile directory; it also names this browser's processes (bench CPU). */
  userDataDir: string;
  close(): Promise<void>;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium on a machine with a closed network (../shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with the built extension (run `npm run build` first). */
export async function launchWithExtension(
  opts: {
    headless?: boolean;
    extensionDir?: string;
    colorScheme?: 'light' | 'dark';
    args?: string[];
    /** Wait for the extension's service worker (default true). */
    waitForWorker?: boolean;
    /** The browser's UI language (`--lang` and, on Linux, LANGUAGE), e.g. 'uk'. */
    lang?: string;
    /** A profile to start from (kept on close); by default a new one, removed on close. */
    userDataDir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const ext = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(ext, 'manifest.json'))) {
    throw new Error(`${ext}/manifest.json not found: run "npm run build" first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'factmark-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...CHROMIUM_ARGS,
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      ...(opts.args ?? []),
    ],
    ...(opts.lang
      ? {
          locale: opts.lang,
          env: { ...process.env, LANGUAGE: opts.lang, LANG: `${opts.lang}_UA.UTF-8` },
        }
      : {}),
  });
  const worker =
    opts.waitForWorker === false
      ? (undefined as unknown as Worker)
      : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  const extensionId = worker ? new URL(worker.url()).host : '';
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    close: async () => {
      await context.close();
      if (!opts.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `page` (brought to the front), read by the service worker. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await ext.worker.evaluate(async () => {
    const c = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      }
    ).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('no active tab');
  return id;
}

/** Opens the popup for `page`'s tab as a page of its own (`?tab=` names the tab). */
export async function openPopupFor(
  ext: ExtensionBrowser,
  page: Page,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const tabId = await tabIdOf(ext, page);
  const popup = await ext.context.newPage();
  if (viewport) await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.fm-popup:not([aria-busy])');
  return popup;
}

/** Resident memory (MB) of a profile's extension processes (the service worker's), from /proc. */
export function extensionRssMB(profile: string): number {
  let kb = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--extension-process') || !cmd.includes(profile)) continue;
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // The process ended while we read it.
    }
  }
  return Math.round(kb / 102.4) / 10;
}

/**
 * Evaluates an expression in a page's main world over raw CDP, injecting nothing. Timing
 * code waits with this, not page.waitForFunction: that injects Playwright's selector engine
 * into the page (about 40 ms of its main thread in a trace), inside the stretch being timed.
 */
export async function cdpEval<T>(cdp: CDPSession, expression: string): Promise<T> {
  const r = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`${expression.slice(0, 60)}: ${r.exceptionDetails.text}`);
  return r.result.value as T;
}

/** Polls `expression` with cdpEval every 25 ms until it is true; false after `timeoutMs`. */
export async function cdpWaitFor(
  cdp: CDPSession,
  expression: string,
  timeoutMs: number,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!(await cdpEval<boolean>(cdp, expression))) {
    if (Date.now() > until) return false;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  return true;
}
