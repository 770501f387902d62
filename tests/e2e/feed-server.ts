/**
 * A real claim-feed server on 127.0.0.1 for the feeds e2e test: serves one feed URL whose
 * behaviour the test switches (a good body with an ETag and 304s, a corrupt body, a 500, an
 * answer slower than the timeout, an oversized body), and records every request.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';

export type FeedMode = 'ok' | 'corrupt' | 'error' | 'slow' | 'big' | 'shrunk';

export interface FeedServer {
  origin: string;
  /** Path, the If-None-Match sent, and the status answered, of every request. */
  log: { path: string; ifNoneMatch?: string; status: number }[];
  mode: FeedMode;
  close(): Promise<void>;
}

const FEEDS = 'tests/fixtures/feeds';

export async function serveFeed(): Promise<FeedServer> {
  const bodies: Record<string, string> = {
    ok: readFileSync(`${FEEDS}/claimreview-array.json`, 'utf8'),
    big: readFileSync(`${FEEDS}/claimreview-200.json`, 'utf8'),
    shrunk: readFileSync(`${FEEDS}/claimreview-one.json`, 'utf8'),
  };
  const out: FeedServer = { origin: '', log: [], mode: 'ok', close: async () => {} };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const inm = req.headers['if-none-match'];
    const entry: FeedServer['log'][number] = { path, status: 0 };
    if (typeof inm === 'string') entry.ifNoneMatch = inm;
    out.log.push(entry);
    const send = (status: number, body = '', headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/ld+json', ...headers });
      res.end(body);
    };
    if (path !== '/feed.json') return send(404, 'not found');
    switch (out.mode) {
      case 'ok':
        return inm === '"v1"' ? send(304) : send(200, bodies.ok, { etag: '"v1"' });
      case 'corrupt':
        return send(200, (bodies.ok ?? '').slice(0, 500), { etag: '"v2"' });
      case 'error':
        return send(500, 'internal error');
      case 'slow':
        setTimeout(() => send(200, bodies.ok, { etag: '"v3"' }), 4000);
        return;
      case 'big':
        return send(200, bodies.big, { etag: '"v4"' });
      case 'shrunk':
        return send(200, bodies.shrunk, { etag: '"v5"' });
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('feed server has no port');
  out.origin = `http://127.0.0.1:${addr.port}`;
  out.close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return out;
}
