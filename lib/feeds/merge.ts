/**
 * Merging a feed's new version into the one kept: items are matched by their stable id
 * (ClaimReview: a hash of URL and claim, convert-claimreview.ts; JSONL: the record's own id),
 * or failing that by their fact-check URL when it names one claim in both versions (a
 * publisher who rewords the claim keeps its URL). An item whose verdict or rating changed
 * carries `verdictUpdated`: the new review date when the publisher moved it, else the day
 * Factmark first saw the change. Pure.
 */
import type { ClaimRecord } from '../types';

export interface FeedMerge {
  records: ClaimRecord[];
  added: number;
  removed: number;
  /** Items whose verdict or rating changed in this update. */
  updated: number;
}

/** A feed that shrinks below this share of its last good version is kept as it was. */
export const SHRINK_LIMIT = 0.5;

const urlOf = (r: ClaimRecord): string | undefined => r.sources[0]?.url;

function uniqueByUrl(records: readonly ClaimRecord[]): Map<string, ClaimRecord> {
  const out = new Map<string, ClaimRecord>();
  const dup = new Set<string>();
  for (const r of records) {
    const u = urlOf(r);
    if (u === undefined) continue;
    if (out.has(u)) dup.add(u);
    out.set(u, r);
  }
  for (const u of dup) out.delete(u);
  return out;
}

/** `next` as it will be kept, given the version kept before (null: the first download). */
export function mergeFeed(
  prev: readonly ClaimRecord[] | null,
  next: readonly ClaimRecord[],
  today: string,
): FeedMerge {
  if (!prev) return { records: [...next], added: next.length, removed: 0, updated: 0 };
  const byId = new Map(prev.map((r) => [r.id, r]));
  const prevByUrl = uniqueByUrl(prev);
  const nextByUrl = uniqueByUrl(next);
  const matched = new Set<ClaimRecord>();
  let added = 0;
  let updated = 0;
  const records = next.map((r): ClaimRecord => {
    let old = byId.get(r.id);
    const u = urlOf(r);
    if (!old && u !== undefined && nextByUrl.get(u) === r) old = prevByUrl.get(u);
    if (!old || matched.has(old)) {
      added++;
      return r;
    }
    matched.add(old);
    if (old.verdict !== r.verdict || old.rating !== r.rating) {
      updated++;
      return { ...r, verdictUpdated: r.reviewed > old.reviewed ? r.reviewed : today };
    }
    // Unchanged verdict: an earlier change is still worth saying.
    const since = r.verdictUpdated ?? old.verdictUpdated;
    return since !== undefined ? { ...r, verdictUpdated: since } : r;
  });
  return { records, added, removed: prev.length - matched.size, updated };
}

/**
 * Why a new version must not replace the kept one, or null when it may: a feed that lost more
 * than half its claims is more likely broken than pruned.
 */
export function shrinkProblem(prevCount: number, nextCount: number): string | null {
  if (prevCount === 0 || nextCount >= prevCount * SHRINK_LIMIT) return null;
  return `the feed shrank from ${prevCount} to ${nextCount} claims (more than half gone): kept the last good version`;
}
