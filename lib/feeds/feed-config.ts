/** The feeds' schedule and download limits (stored by utils/feed-config.ts). Pure. */
import { clipWhat, type Repaired } from '../storage-notices';

export interface FeedConfig {
  /** How often every feed is fetched (the `alarms` period). */
  intervalMinutes: number;
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FEED_CONFIG: FeedConfig = Object.freeze({
  intervalMinutes: 24 * 60,
  timeoutMs: 30_000,
  maxBytes: 64_000_000,
});

/** The intervals the UI offers, in minutes. */
export const FEED_INTERVALS = [60, 6 * 60, 24 * 60, 7 * 24 * 60] as const;

const MINIMUM: FeedConfig = { intervalMinutes: 15, timeoutMs: 100, maxBytes: 1_000 };

/** A stored value of the wrong shape falls back field by field; `reset` names those fields. */
export function sanitizeFeedConfig(raw: unknown): {
  config: FeedConfig;
  reset: (keyof FeedConfig)[];
  whole: boolean;
} {
  if (raw === null || raw === undefined)
    return { config: { ...DEFAULT_FEED_CONFIG }, reset: [], whole: false };
  const fields = Object.keys(DEFAULT_FEED_CONFIG) as (keyof FeedConfig)[];
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { config: { ...DEFAULT_FEED_CONFIG }, reset: fields, whole: true };
  const r = raw as Record<string, unknown>;
  const config = { ...DEFAULT_FEED_CONFIG };
  const reset: (keyof FeedConfig)[] = [];
  for (const f of fields) {
    if (!(f in r)) continue;
    const v = r[f];
    if (typeof v === 'number' && Number.isFinite(v) && v >= MINIMUM[f]) config[f] = v;
    else reset.push(f);
  }
  return { config, reset, whole: false };
}

/** The stored config as this version reads it, and what was reset. */
export function repairFeedConfig(raw: unknown): Repaired<FeedConfig> {
  const { config, reset, whole } = sanitizeFeedConfig(raw);
  return {
    value: config,
    notices: reset.length
      ? [{ item: 'feedConfig', whole, count: reset.length, what: clipWhat(reset) }]
      : [],
  };
}
