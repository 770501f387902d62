/**
 * The subscribed feeds' claim sets in the background's matching service: compiled in memory
 * like an import, one feed per task (so a page's match request is answered between them),
 * and only a feed whose last good version changed is compiled again. The sets already
 * loaded keep matching while a changed one compiles; it replaces its old version when ready.
 * Pure: the caller passes in how to read the stored feeds.
 */
import { compileClaimSet } from './claims/compile-claim-set';
import { openCompiledClaimSet, type ClaimSet } from './claims/claim-set';
import type { FeedState } from './feeds/feed-state';
import type { ClaimRecord } from './types';
import type { SetInfo } from './matching-service';

export interface FeedSource {
  list: () => Promise<FeedState[]>;
  records: (id: string) => Promise<ClaimRecord[] | null>;
}

/** A feed's entry in the popup's list of sets. */
export type FeedSetInfo = SetInfo & { kind: 'feed' };

export interface LoadedFeed {
  info: FeedSetInfo;
  set: ClaimSet;
}

const nextTask = () => new Promise<void>((ok) => setTimeout(ok, 0));

export class FeedSets {
  private loaded = new Map<string, { stamp: string; feed: LoadedFeed }>();
  private first: Promise<void> | null = null;
  private pending: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly source: FeedSource,
    /** Called when a reload changed what is matched. */
    private readonly onReady: () => void = () => {},
  ) {}

  /** The feed sets ready now; the very first call waits for the first load. */
  async current(): Promise<LoadedFeed[]> {
    this.first ??= this.load(false);
    await this.first;
    return [...this.loaded.values()].map((l) => l.feed);
  }

  /** Reads the stored feeds again; a changed one is compiled while the others keep matching. */
  reload(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = this.load(true).finally(() => {
      this.pending = null;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    this.first ??= this.pending;
    return this.pending;
  }

  /** `notify`: tell the tabs (not on the first load after the background starts). */
  private async load(notify: boolean): Promise<void> {
    let states: FeedState[];
    try {
      states = await this.source.list();
    } catch (err) {
      console.warn('Factmark: the feeds could not be read:', err);
      return;
    }
    let changed = false;
    const keep = new Set<string>();
    for (const s of states) {
      if (!s.lastSuccess || s.count === 0) continue;
      keep.add(s.id);
      const stamp = `${s.lastSuccess}:${s.count}`;
      const had = this.loaded.get(s.id);
      if (had && had.stamp === stamp) {
        if (had.feed.info.enabled !== s.enabled || had.feed.info.name !== s.name) {
          had.feed.info = { ...had.feed.info, enabled: s.enabled, name: s.name };
          changed = true;
        }
        continue;
      }
      try {
        const records = await this.source.records(s.id);
        if (!records) continue;
        await nextTask();
        const set = openCompiledClaimSet(
          compileClaimSet(records, {
            name: s.name,
            version: s.id,
            built: s.lastSuccess.slice(0, 10),
            origin: 'feed',
          }),
        );
        const info: FeedSetInfo = {
          id: s.id,
          name: s.name,
          count: set.meta.count,
          date: s.lastSuccess.slice(0, 10),
          enabled: s.enabled,
          builtin: false,
          kind: 'feed',
        };
        if (set.meta.summary) info.summary = set.meta.summary;
        this.loaded.set(s.id, { stamp, feed: { info, set } });
        changed = true;
      } catch (err) {
        console.warn(`Factmark: feed "${s.name}" could not be compiled:`, err);
      }
    }
    for (const id of [...this.loaded.keys()])
      if (!keep.has(id)) {
        this.loaded.delete(id);
        changed = true;
      }
    if (changed && notify) this.onReady();
  }
}
