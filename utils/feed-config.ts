/**
 * Small storage items about feeds: the schedule and download limits ("feedConfig", version
 * 2: every field valid; version 1, 0.1.0's, had no version mark; its migration resets a field
 * that is not valid and keeps the others), and `claimSetsChanged`, a counter the background
 * bumps once a changed feed set is compiled and matchable (utils/set-changes.ts).
 */
import { storage } from '@wxt-dev/storage';
import {
  DEFAULT_FEED_CONFIG,
  repairFeedConfig,
  sanitizeFeedConfig,
  type FeedConfig,
} from '../lib/feeds/feed-config';
import { versionedItem, writeVersioned } from './versioned-item';
import { CLAIM_SETS_CHANGED } from './set-changes';

export { DEFAULT_FEED_CONFIG, FEED_INTERVALS, type FeedConfig } from '../lib/feeds/feed-config';

export const FEED_CONFIG_VERSION = 2;

export const feedConfig = versionedItem<FeedConfig>({
  key: 'local:feedConfig',
  name: 'feedConfig',
  version: FEED_CONFIG_VERSION,
  fallback: DEFAULT_FEED_CONFIG,
  repair: repairFeedConfig,
});

/** Sanitised: a stored value of the wrong shape falls back field by field. */
export async function readFeedConfig(): Promise<FeedConfig> {
  try {
    return await feedConfig.get();
  } catch {
    return sanitizeFeedConfig(null).config;
  }
}

export const saveFeedConfig = (config: FeedConfig): Promise<void> => feedConfig.set(config);

/** Version 1 of the counter: a whole number. */
export const COUNTER_VERSION = 1;

/** Tells every tab to match again (it watches the counter). */
export async function bumpClaimSetsChanged(): Promise<void> {
  const n = await storage.getItem<unknown>(CLAIM_SETS_CHANGED);
  const next = (typeof n === 'number' && Number.isSafeInteger(n) ? n : 0) + 1;
  await writeVersioned(CLAIM_SETS_CHANGED, COUNTER_VERSION, next);
}
