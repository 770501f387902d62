/**
 * npm run dev:check — starts WXT's dev mode, `wxt` (what `npm run dev` runs) on a free port with Chromium
 * headless (FACTMARK_DEV_HEADLESS, wxt.config.ts), waits until the dev build is written and
 * Chromium runs with it loaded, then stops them. Exit 0 when both happened within the time
 * limit (web-ext loads the build over Chromium's debugging pipe, so the check is the
 * dev server's "Opened browser" and a Chromium it started). Run it under the browser lock:
 * `flock /tmp/factmark-browser.lock npm run dev:check`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const LIMIT_MS = 120_000;
const DEV_DIR = resolve('.output/chrome-mv3-dev');

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

/** The Chromium processes the dev server started (its descendants; web-ext detaches them). */
function chromiumUnder(root: number): number[] {
  const parent = new Map<number, number>();
  const chromium: number[] = [];
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('chromium')) chromium.push(Number(p));
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === root) return true;
    return false;
  };
  return chromium.filter(under);
}

async function main(): Promise<void> {
  const port = await freePort();
  const child = spawn('npx', ['wxt', '--port', String(port)], {
    env: { ...process.env, FACTMARK_DEV_HEADLESS: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const start = Date.now();
  let manifest = false;
  let browser = false;
  const started = new Set<number>();
  while (Date.now() - start < LIMIT_MS && child.exitCode === null && !(manifest && browser)) {
    await new Promise((r) => setTimeout(r, 500));
    const file = `${DEV_DIR}/manifest.json`;
    // The dev build lets the extension talk to the dev server (reload on change).
    manifest ||= existsSync(file) && readFileSync(file, 'utf8').includes(`localhost:${port}`);
    const found = chromiumUnder(child.pid as number);
    for (const p of found) started.add(p);
    browser ||= log.includes('Opened browser') && found.length > 0;
  }
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  try {
    process.kill(-(child.pid as number), 'SIGTERM');
  } catch {
    // already stopped
  }
  // web-ext starts Chromium in its own process group: stop the ones it started, by id.
  await new Promise((r) => setTimeout(r, 1000));
  for (const p of started) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {
      // already stopped with the dev server
    }
  }
  const ok = manifest && browser;
  console.log(
    `dev:check: dev build ${manifest ? 'written' : 'NOT written'}, Chromium ${browser ? 'running with it' : 'NOT started with it'} (${seconds} s, port ${port})`,
  );
  if (!ok) process.stderr.write(log.slice(-3000));
  process.exit(ok ? 0 : 1);
}

await main();
