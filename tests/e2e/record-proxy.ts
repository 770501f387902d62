/**
 * A recording HTTP proxy on 127.0.0.1 for the privacy test: Chromium is started with
 * `--proxy-server` pointing here and `--proxy-bypass-list=<-loopback>`, so every request any
 * part of the browser makes (pages, the extension's service worker, its popup, options and any
 * offscreen document, Chromium itself) reaches this server, whoever made it. Requests to the
 * hosts in `forward` are passed on (the test's page server); every other one is answered 502
 * and an HTTPS tunnel (CONNECT) is refused, so nothing leaves the machine either way.
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface RecordingProxy {
  /** `--proxy-server` value. */
  address: string;
  /** Every request seen, as `METHOD url` (CONNECT as `CONNECT host:port`). */
  seen: string[];
  close(): Promise<void>;
}

export async function startRecordingProxy(forward: string[]): Promise<RecordingProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res) => {
    const target = req.url ?? '';
    seen.push(`${req.method ?? '?'} ${target}`);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.protocol !== 'http:' || !forward.includes(url.host)) {
      res.writeHead(502).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.on('error', () => res.destroy());
        up.pipe(res);
      },
    );
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.on('error', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    // Chromium resets connections it no longer needs (a refused tunnel, a closing browser);
    // a reset is not the test's failure, and an unheard socket error would crash the run.
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('proxy has no port');
  return {
    address: `http://127.0.0.1:${addr.port}`,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
