import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { FeedState } from '../../lib/feeds/feed-state';
import type { ClaimRecord } from '../../lib/types';
import type { FeedStore } from '../../utils/feed-store';

// The manager's extension APIs: permissions (released on remove) and its config item.
const removed: string[][] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    permissions: {
      remove: async ({ origins }: { origins: string[] }) => void removed.push(origins),
    },
  },
}));
vi.mock('../../utils/feed-config', () => ({
  readFeedConfig: async () => ({ intervalMinutes: 1440, timeoutMs: 5000, maxBytes: 1_000_000 }),
}));
const { FeedManager } = await import('../../utils/feeds');

const FEED = readFileSync('tests/fixtures/feeds/claimreview-array.json', 'utf8');
const V1 = readFileSync('tests/fixtures/feeds/update-v1.json', 'utf8');
const V2 = readFileSync('tests/fixtures/feeds/update-v2.json', 'utf8');
const URL_A = 'https://feeds.example/a.json';

/** A store in memory that keeps each write whole, or fails the next one (quota). */
function memoryStore() {
  const states = new Map<string, FeedState>();
  const records = new Map<string, ClaimRecord[]>();
  let failNext = false;
  const store: FeedStore = {
    list: async () => [...states.values()].map((s) => structuredClone(s)),
    records: async (id) => records.get(id) ?? null,
    put: async (state, recs) => {
      if (failNext && recs) {
        failNext = false;
        throw new Error('QuotaExceededError');
      }
      states.set(state.id, structuredClone(state));
      if (recs) records.set(state.id, recs);
    },
    remove: async (id) => {
      states.delete(id);
      records.delete(id);
    },
  };
  return { store, records, failWrite: () => (failNext = true) };
}

const respond = (body: string, init: ResponseInit = {}) =>
  vi.fn(async () => new Response(body, init)) as unknown as typeof fetch;

describe('FeedManager', () => {
  beforeEach(() => void (removed.length = 0));

  test('a failed store write is shown in the row and the last good version stays', async () => {
    const m = memoryStore();
    let changed = 0;
    const fetchImpl = respond(V1, { headers: { etag: '"a"' } });
    const feeds = new FeedManager({ store: m.store, onSetsChanged: () => changed++, fetchImpl });
    const first = await feeds.subscribe(URL_A);
    expect(first).toMatchObject({ count: 1, etag: '"a"' });
    expect(first.error).toBeUndefined();
    expect(changed).toBe(1);

    m.failWrite();
    const next = new FeedManager({
      store: m.store,
      onSetsChanged: () => changed++,
      // The same fact check with its rating changed (update-v2.json).
      fetchImpl: respond(V2, { headers: { etag: '"b"' } }),
    });
    const after = await next.update(first.id);
    expect(after.error).toMatch(/could not be stored \(QuotaExceededError\): kept the last good/);
    expect(after.lastSuccess).toBe(first.lastSuccess);
    expect(after.etag).toBe('"a"');
    expect(changed).toBe(1);
    // The kept claims are version 1's: PolitiFact's rating, no "verdict updated".
    const kept = await m.store.records(first.id);
    expect(kept?.map((r) => [r.rating, r.verdictUpdated])).toEqual([['Half True', undefined]]);
  });

  test('the conditional request is sent and a 304 changes nothing but the times', async () => {
    const m = memoryStore();
    const feeds = new FeedManager({
      store: m.store,
      onSetsChanged: () => {},
      fetchImpl: respond(FEED, { headers: { etag: '"a"' } }),
    });
    const first = await feeds.subscribe(URL_A);
    const fetch304 = vi.fn(async (_u: string, init?: RequestInit) => {
      expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
      expect((init?.headers as Record<string, string>)['if-none-match']).toBe('"a"');
      return new Response(null, { status: 304 });
    }) as unknown as typeof fetch;
    const again = await new FeedManager({
      store: m.store,
      onSetsChanged: () => {},
      fetchImpl: fetch304,
    }).update(first.id);
    expect(again).toMatchObject({ count: 3, etag: '"a"' });
    expect(again.error).toBeUndefined();
  });

  test('removing the last feed on an origin releases it; a shared origin is kept', async () => {
    const m = memoryStore();
    const feeds = new FeedManager({
      store: m.store,
      onSetsChanged: () => {},
      fetchImpl: respond(FEED),
    });
    const a = await feeds.subscribe(URL_A);
    const b = await feeds.subscribe('https://feeds.example/b.json');
    await feeds.remove(a.id);
    expect(removed).toEqual([]);
    await feeds.remove(b.id);
    expect(removed).toEqual([['https://feeds.example/*']]);
    expect(await feeds.list()).toEqual([]);
    expect(m.records.size).toBe(0);
  });

  test.each([['ftp://feeds.example/a.json'], ['https://user:pw@feeds.example/a.json'], ['feeds']])(
    '%s cannot be subscribed to',
    async (url) => {
      const feeds = new FeedManager({ store: memoryStore().store, onSetsChanged: () => {} });
      await expect(feeds.subscribe(url)).rejects.toThrow(/URL/);
    },
  );
});
