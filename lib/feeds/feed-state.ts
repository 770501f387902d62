/** What is kept of a feed subscription besides its claims (the feed's row in the UI). Pure. */
import type { SetSummary } from './summary';
import type { FeedFormat } from './parse-feed';

export interface FeedState {
  /** "feed-" + a hash of the URL. */
  id: string;
  url: string;
  /** A name for the set: the feed's host and last path segment. */
  name: string;
  /** ISO date-time of the subscription. */
  added: string;
  enabled: boolean;
  etag?: string;
  lastModified?: string;
  /** ISO date-times of the last good download and of the last try, and why the last try failed. */
  lastSuccess?: string;
  lastAttempt?: string;
  error?: string;
  /** Items of the last download that were left out (path: reason), at most 20. */
  problems?: string[];
  format?: FeedFormat;
  count: number;
  summary?: SetSummary;
  /** Items whose verdict changed in the last update. */
  updated?: number;
}

/** The host permission pattern a feed URL needs: "https://host/*" (any port, any path). */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Why a URL cannot be a feed, or null when it can. */
export function feedUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return 'a feed URL must start with https:// (or http://)';
  if (u.username !== '' || u.password !== '')
    return 'a feed URL must not carry a user name or password';
  return null;
}

export function feedName(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname
      .split('/')
      .filter((s) => s !== '')
      .pop();
    return last ? `${u.hostname} · ${decodeURIComponent(last)}` : u.hostname;
  } catch {
    return url;
  }
}
