/**
 * The background's feed manager: subscribing, updating (on the `alarms` schedule or "update
 * now"), removing. A download that fails, a body that does not parse or validate, a feed
 * that shrinks by more than half or is over its cap: each keeps the last good version and
 * records why in the feed's row (`error`, `lastAttempt`). The host permission for a feed's
 * origin is asked by the UI (a user gesture) before subscribing and released here when the
 * last feed on that origin goes.
 */
import { browser } from 'wxt/browser';
import type { ClaimRecord } from '../lib/types';
import { feedProblems, parseFeed } from '../lib/feeds/parse-feed';
import { mergeFeed, shrinkProblem } from '../lib/feeds/merge';
import { summarize } from '../lib/feeds/summary';
import { stableHash } from '../lib/claims/stable-hash';
import { feedName, feedUrlProblem, originPattern, type FeedState } from '../lib/feeds/feed-state';
import { fetchFeed } from './feed-fetch';
import type { FeedStore } from './feed-store';
import { readFeedConfig } from './feed-config';
import { errorMessage } from '../lib/error-message';

export const FEED_ALARM = 'factmark-feeds';

export interface FeedManagerDeps {
  store: FeedStore;
  /** Called after a feed's claims changed (compile them again, tell the tabs). */
  onSetsChanged: () => void;
  now?: () => Date;
  fetchImpl?: typeof fetch;
}

export class FeedManager {
  /** One update at a time per feed. */
  private running = new Map<string, Promise<FeedState>>();

  constructor(private readonly deps: FeedManagerDeps) {}

  list(): Promise<FeedState[]> {
    return this.deps.store.list();
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async subscribe(url: string): Promise<FeedState> {
    const problem = feedUrlProblem(url);
    if (problem) throw new Error(problem);
    const id = `feed-${stableHash(url)}`;
    const existing = (await this.deps.store.list()).find((f) => f.id === id);
    if (existing) return this.update(id);
    const state: FeedState = {
      id,
      url,
      name: feedName(url),
      added: this.now().toISOString(),
      enabled: true,
      count: 0,
    };
    await this.deps.store.put(state);
    return this.update(id);
  }

  update(id: string): Promise<FeedState> {
    let p = this.running.get(id);
    if (!p) {
      p = this.run(id).finally(() => this.running.delete(id));
      this.running.set(id, p);
    }
    return p;
  }

  async updateAll(): Promise<void> {
    for (const f of await this.deps.store.list()) await this.update(f.id).catch(() => {});
  }

  private async run(id: string): Promise<FeedState> {
    const { store } = this.deps;
    const state = (await store.list()).find((f) => f.id === id);
    if (!state) throw new Error('no such feed');
    const config = await readFeedConfig();
    const attempt = this.now().toISOString();
    const failed = async (error: string, problems?: string[]): Promise<FeedState> => {
      const next: FeedState = { ...state, lastAttempt: attempt, error };
      if (problems) next.problems = problems.slice(0, 20);
      await store.put(next);
      return next;
    };
    const got = await fetchFeed(state.url, {
      etag: state.etag,
      lastModified: state.lastModified,
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxBytes,
      fetchImpl: this.deps.fetchImpl,
    });
    if (got.kind === 'error') return failed(got.message);
    if (got.kind === 'unchanged') {
      const next: FeedState = { ...state, lastAttempt: attempt, lastSuccess: attempt };
      delete next.error;
      await store.put(next);
      return next;
    }
    const parsed = parseFeed(got.text, state.url);
    const problems = feedProblems(parsed);
    if (parsed.records.length === 0)
      return failed(
        `no valid claims in the feed${problems[0] ? `: ${problems[0]}` : ''}`,
        problems,
      );
    const shrink = shrinkProblem(state.count, parsed.records.length);
    if (shrink) return failed(shrink, problems);
    const prev: ClaimRecord[] | null = state.lastSuccess ? await store.records(id) : null;
    const merged = mergeFeed(prev, parsed.records, attempt.slice(0, 10));
    const next: FeedState = {
      ...state,
      lastAttempt: attempt,
      lastSuccess: attempt,
      format: parsed.format,
      count: merged.records.length,
      summary: summarize(merged.records),
      updated: merged.updated,
      problems: problems.slice(0, 20),
    };
    delete next.error;
    if (got.etag) next.etag = got.etag;
    else delete next.etag;
    if (got.lastModified) next.lastModified = got.lastModified;
    else delete next.lastModified;
    try {
      await store.put(next, merged.records);
    } catch (err) {
      return failed(
        `the new version could not be stored (${errorMessage(err)}): kept the last good version`,
      );
    }
    this.deps.onSetsChanged();
    return next;
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const state = (await this.deps.store.list()).find((f) => f.id === id);
    if (!state) return;
    await this.deps.store.put({ ...state, enabled });
    this.deps.onSetsChanged();
  }

  /** Removes the feed and its claims; releases its origin when no other feed uses it. */
  async remove(id: string): Promise<void> {
    const feeds = await this.deps.store.list();
    const state = feeds.find((f) => f.id === id);
    if (!state) return;
    await this.deps.store.remove(id);
    this.deps.onSetsChanged();
    const origin = originPattern(state.url);
    const shared = feeds.some((f) => f.id !== id && originPattern(f.url) === origin);
    if (origin && !shared)
      await browser.permissions.remove({ origins: [origin] }).catch((err: unknown) => {
        // A host the manifest grants (a test build) cannot be removed: nothing was asked for.
        console.warn(`Factmark: could not release ${origin}:`, err);
      });
  }
}

/** Keeps the `alarms` schedule at the configured interval. */
export async function scheduleFeeds(intervalMinutes: number): Promise<void> {
  const current = await browser.alarms.get(FEED_ALARM);
  if (current?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(FEED_ALARM, {
    delayInMinutes: intervalMinutes,
    periodInMinutes: intervalMinutes,
  });
}
