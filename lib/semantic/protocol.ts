/**
 * The semantic channel's messages between the background and the model's worker
 * (entrypoints/semantic-worker.ts), through the offscreen document in Chromium or straight
 * from the background page in Firefox. Pure types and checks: no DOM, no extension API.
 */
import type { Closeness } from './page-decision';

/**
 * One paragraph to embed and the claims to compare it with: bundled claims by their rows of
 * claims.fmv, or (`claims`, for a set that ships no vectors: an import, a feed) the claims'
 * own texts, which the worker embeds (lib/semantic/engine.ts). `rows` is then empty.
 */
export interface CosineItem {
  text: string;
  rows: number[];
  claims?: string[];
}

export interface CosineRequest {
  id: number;
  items: CosineItem[];
}

/** `close[i]`: paragraph i against its rows (cosine, and margin over every other claim). */
export type CosineReply = { id: number; close: Closeness[] } | { id: number; error: string };

/** At most this many paragraphs in one request (a page's budget, with room to spare). */
export const MAX_ITEMS = 64;
/** A paragraph is cut to this many characters before it is embedded. */
export const MAX_TEXT = 2000;
/** At most this many claim texts an item (a paragraph's best claims: SEMANTIC_TOP). */
export const MAX_CLAIMS = 8;

/**
 * Checks a request received by the worker (what and where when it is wrong); the worker
 * answers an error rather than embedding anything it cannot read.
 */
export function checkItems(raw: unknown): CosineItem[] {
  if (!Array.isArray(raw)) throw new Error('semantic request: items is not a list');
  if (raw.length > MAX_ITEMS)
    throw new Error(`semantic request: ${raw.length} items, at most ${MAX_ITEMS}`);
  return raw.map((it: unknown, i) => {
    const item = it as { text?: unknown; rows?: unknown } | null;
    if (!item || typeof item.text !== 'string')
      throw new Error(`semantic request: items[${i}].text is not a string`);
    if (!Array.isArray(item.rows))
      throw new Error(`semantic request: items[${i}].rows is not a list`);
    item.rows.forEach((r: unknown, k) => {
      if (!Number.isInteger(r) || (r as number) < 0)
        throw new Error(`semantic request: items[${i}].rows[${k}] is not a row number`);
    });
    const text = item.text.slice(0, MAX_TEXT);
    const claims = (it as { claims?: unknown }).claims;
    if (claims === undefined) return { text, rows: item.rows as number[] };
    if (!Array.isArray(claims) || claims.length > MAX_CLAIMS)
      throw new Error(
        `semantic request: items[${i}].claims is not a list of at most ${MAX_CLAIMS}`,
      );
    if (item.rows.length > 0)
      throw new Error(`semantic request: items[${i}] names both rows and claims`);
    claims.forEach((c: unknown, k) => {
      if (typeof c !== 'string')
        throw new Error(`semantic request: items[${i}].claims[${k}] is not a string`);
    });
    return { text, rows: [], claims: (claims as string[]).map((c) => c.slice(0, MAX_TEXT)) };
  });
}

/** What posts to and hears from a worker (a Worker, or a fake one in tests). */
export interface WorkerLike {
  postMessage(msg: CosineRequest): void;
  addEventListener(type: 'message', fn: (e: { data: unknown }) => void): void;
  addEventListener(type: 'error', fn: (e: { message?: string }) => void): void;
  terminate(): void;
}

/**
 * Requests to a worker, each answered by its id. A worker that fails to start or dies
 * fails every pending request (the page keeps its lexical marks).
 */
export class WorkerClient {
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve: (c: Closeness[]) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e: { data: unknown }) => {
      const reply = e.data as { id?: unknown; close?: unknown; error?: unknown } | null;
      const id = reply?.id;
      const p = typeof id === 'number' ? this.pending.get(id) : undefined;
      if (!p || !reply) return;
      this.pending.delete(id as number);
      if ('error' in reply) p.reject(new Error(String(reply.error)));
      else if (Array.isArray(reply.close)) p.resolve(reply.close as Closeness[]);
      else p.reject(new Error('semantic worker: a reply without cosines'));
    });
    worker.addEventListener('error', (e: { message?: string }) => {
      this.failAll(new Error(`semantic worker: ${e.message ?? 'failed'}`));
    });
  }

  closeness(items: CosineItem[]): Promise<Closeness[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, items });
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('semantic worker: stopped'));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
