/**
 * Small storage items about feeds. The content script imports only `claimSetsChanged` (a
 * counter the background bumps once a changed feed set is compiled and matchable), so a tab
 * pays nothing per feed: it never receives a feed's claims.
 */
import { storage } from '@wxt-dev/storage';

export interface FeedConfig {
  /** How often every feed is fetched (the `alarms` period). */
  intervalMinutes: number;
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FEED_CONFIG: FeedConfig = {
  intervalMinutes: 24 * 60,
  timeoutMs: 30_000,
  maxBytes: 64_000_000,
};

/** The intervals the UI offers, in minutes. */
export const FEED_INTERVALS = [60, 6 * 60, 24 * 60, 7 * 24 * 60] as const;

export const feedConfigItem = storage.defineItem<FeedConfig>('local:feedConfig', {
  fallback: DEFAULT_FEED_CONFIG,
  version: 1,
});

/** Sanitised: a stored value of the wrong shape falls back field by field. */
export async function readFeedConfig(): Promise<FeedConfig> {
  const raw = (await feedConfigItem.getValue()) as Partial<FeedConfig> | null;
  const num = (v: unknown, min: number, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
  return {
    intervalMinutes: num(raw?.intervalMinutes, 15, DEFAULT_FEED_CONFIG.intervalMinutes),
    timeoutMs: num(raw?.timeoutMs, 100, DEFAULT_FEED_CONFIG.timeoutMs),
    maxBytes: num(raw?.maxBytes, 1_000, DEFAULT_FEED_CONFIG.maxBytes),
  };
}

export const claimSetsChanged = storage.defineItem<number>('local:claimSetsChanged', {
  fallback: 0,
});
