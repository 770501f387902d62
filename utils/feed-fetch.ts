/**
 * Downloading one claim feed: the only request Factmark makes on its own. No cookies
 * (`credentials: 'omit'`), no referrer, no cache of the browser's own (the conditional request
 * is ours: ETag / Last-Modified, so an unchanged feed costs one 304), a timeout and a size cap
 * enforced while the body streams in.
 */
import { errorMessage } from '../lib/error-message';

export interface FeedFetchOptions {
  etag?: string;
  lastModified?: string;
  timeoutMs: number;
  maxBytes: number;
  fetchImpl?: typeof fetch;
}

export type FeedFetchResult =
  | { kind: 'unchanged' }
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string }
  | { kind: 'error'; message: string };

const mb = (n: number) => `${(n / 1_000_000).toFixed(n < 1_000_000 ? 2 : 1)} MB`;

async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  const reader = res.body?.getReader();
  if (!reader) {
    const t = await res.text();
    return t.length > maxBytes ? null : t;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}

export async function fetchFeed(url: string, opts: FeedFetchOptions): Promise<FeedFetchResult> {
  const headers: Record<string, string> = {
    accept: 'application/ld+json, application/json, application/x-ndjson, text/plain;q=0.8',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const res = await (opts.fetchImpl ?? fetch)(url, {
      headers,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    if (res.status === 304) return { kind: 'unchanged' };
    if (!res.ok) return { kind: 'error', message: `the server answered HTTP ${res.status}` };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes)
      return {
        kind: 'error',
        message: `the feed is ${mb(declared)}, over its cap of ${mb(opts.maxBytes)}`,
      };
    const text = await readCapped(res, opts.maxBytes);
    if (text === null)
      return { kind: 'error', message: `the feed is over its cap of ${mb(opts.maxBytes)}` };
    const out: FeedFetchResult = { kind: 'ok', text };
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (etag) out.etag = etag;
    if (lastModified) out.lastModified = lastModified;
    return out;
  } catch (err) {
    if (controller.signal.aborted)
      return {
        kind: 'error',
        message: `no answer within ${Math.round(opts.timeoutMs / 1000)} s (timed out)`,
      };
    return {
      kind: 'error',
      message: `download failed: ${errorMessage(err)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
