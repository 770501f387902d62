/**
 * Claim sets kept in the browser's store (imported files, subscribed feeds) in the
 * background's matching service: compiled in memory, one set per task (so a page's match
 * request is answered between them), and only a set whose stamp changed is compiled again: a
 * switch or a rename costs no compile. The sets already loaded keep matching while a changed
 * one compiles; it replaces its old version when ready. Pure: the caller passes in how to
 * list the sets (metadata only) and read one set's records.
 */
import { compileClaimSet } from './claims/compile-claim-set';
import { openCompiledClaimSet, type ClaimSet } from './claims/claim-set';
import type { ClaimRecord } from './types';
import type { SetInfo } from './matching-service';

/** One stored set as listed, without its records. */
export interface StoredSetEntry {
  id: string;
  name: string;
  enabled: boolean;
  /** ISO date shown in the list (imported, or last fetched). */
  date: string;
  kind: 'imported' | 'feed';
  /** Changes whenever the records change: a changed stamp is compiled again. */
  stamp: string;
}

export interface StoredSetSource {
  list: () => Promise<StoredSetEntry[]>;
  records: (id: string) => Promise<ClaimRecord[] | null>;
}

export interface LoadedStoredSet {
  info: SetInfo;
  set: ClaimSet;
}

const nextTask = () => new Promise<void>((ok) => setTimeout(ok, 0));

export class StoredSets {
  private loaded = new Map<string, { stamp: string; loaded: LoadedStoredSet }>();
  private first: Promise<void> | null = null;
  private pending: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly source: StoredSetSource,
    /** Called when a reload changed what is matched. */
    private readonly onReady: () => void = () => {},
    /** What the warnings call these sets. */
    private readonly what = 'claim sets',
  ) {}

  /** The sets ready now, in the order listed; the very first call waits for the first load. */
  async current(): Promise<LoadedStoredSet[]> {
    this.first ??= this.load(false);
    await this.first;
    return [...this.loaded.values()].map((l) => l.loaded);
  }

  /**
   * Reads the stored sets again (after the first load); a changed one is compiled while the
   * others keep matching. Resolves once what was stored when it was called is loaded.
   */
  reload(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending.then(() => this.pending ?? undefined);
    }
    this.pending = (this.first ?? Promise.resolve())
      .then(() => this.load(true))
      .finally(() => {
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
    let entries: StoredSetEntry[];
    try {
      entries = await this.source.list();
    } catch (err) {
      console.warn(`Factmark: the ${this.what} could not be read:`, err);
      return;
    }
    let changed = false;
    const next = new Map<string, { stamp: string; loaded: LoadedStoredSet }>();
    for (const e of entries) {
      const had = this.loaded.get(e.id);
      if (had && had.stamp === e.stamp) {
        if (had.loaded.info.enabled !== e.enabled || had.loaded.info.name !== e.name) {
          had.loaded.info = { ...had.loaded.info, enabled: e.enabled, name: e.name };
          changed = true;
        }
        next.set(e.id, had);
        continue;
      }
      // A changed set that cannot be read or compiled keeps matching as it was.
      if (had) next.set(e.id, had);
      try {
        const records = await this.source.records(e.id);
        if (!records) continue;
        await nextTask();
        const set = openCompiledClaimSet(
          compileClaimSet(records, {
            name: e.name,
            version: e.id,
            built: e.date,
            ...(e.kind === 'feed' ? { origin: 'feed' } : {}),
          }),
        );
        const info: SetInfo = {
          id: e.id,
          name: e.name,
          count: set.meta.count,
          date: e.date,
          enabled: e.enabled,
          builtin: false,
          kind: e.kind,
        };
        if (set.meta.summary) info.summary = set.meta.summary;
        next.set(e.id, { stamp: e.stamp, loaded: { info, set } });
        changed = true;
      } catch (err) {
        console.warn(`Factmark: "${e.name}" (${this.what}) could not be compiled:`, err);
      }
    }
    for (const id of this.loaded.keys()) if (!next.has(id)) changed = true;
    this.loaded = next;
    if (changed && notify) this.onReady();
  }
}
