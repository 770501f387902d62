import { storage } from '@wxt-dev/storage';
import { matchSentences } from '../lib/match/index';
import { compileClaimSet, loadClaimSet, type ClaimSet } from '../lib/claims/claim-set';
import type { ClaimRecord } from '../lib/types';
import type { MatchReply, MatchRequest, SetInfo, WireMatch } from './messages';

/** A claim set the user imported in the popup; stored whole, compiled in memory on load. */
export interface ImportedSet {
  id: string;
  name: string;
  /** ISO date of the import. */
  imported: string;
  enabled: boolean;
  records: ClaimRecord[];
}

export const importedSetsItem = storage.defineItem<ImportedSet[]>('local:importedSets', {
  fallback: [],
  version: 1,
});

interface Loaded {
  info: SetInfo;
  set: ClaimSet;
}

/**
 * The bundled set plus the user's imported sets, loaded lazily and kept while the
 * background lives. Imported claims are matched exactly like bundled ones.
 */
export class ClaimSets {
  private bundled: Promise<Loaded | null> | null = null;
  private imported: Promise<Loaded[]> | null = null;

  constructor(private readonly fetchBundled: () => Promise<Response>) {}

  /** Starts loading now, so the first page after the background starts finds it ready. */
  warm(): void {
    void this.all(false);
  }

  reloadImported(): void {
    this.imported = null;
  }

  async info(): Promise<SetInfo[]> {
    const all = await this.all(true);
    return all.map((l) => l.info);
  }

  async match(req: MatchRequest): Promise<MatchReply> {
    const sentences = Array.isArray(req.sentences) ? req.sentences : [];
    const out: WireMatch[] = [];
    const claims: MatchReply['claims'] = {};
    const seen = new Set<string>();
    for (const { set } of await this.all(false)) {
      const found = matchSentences(
        set.index,
        sentences,
        { date: req.date },
        { strictness: req.strictness },
      );
      for (const m of found) {
        const key = `${m.start}:${m.end}:${m.claim}`;
        const claim = set.claims.get(m.claim);
        if (!claim || seen.has(key)) continue;
        seen.add(key);
        claims[m.claim] = claim;
        out.push({
          start: m.start,
          end: m.end,
          claim: m.claim,
          score: m.score,
          band: m.band,
          evidence: m.evidence,
        });
      }
    }
    return { matches: out, claims };
  }

  /** Enabled sets only, unless `withDisabled` (for the popup's list). */
  private async all(withDisabled: boolean): Promise<Loaded[]> {
    this.bundled ??= this.loadBundled();
    this.imported ??= this.loadImported();
    const [b, imp] = await Promise.all([this.bundled, this.imported]);
    const list = [...(b ? [b] : []), ...imp];
    return withDisabled ? list : list.filter((l) => l.info.enabled);
  }

  private async loadBundled(): Promise<Loaded | null> {
    try {
      const res = await this.fetchBundled();
      const set = loadClaimSet(await res.json());
      return {
        set,
        info: {
          id: 'bundled',
          name: set.meta.name,
          count: set.meta.count,
          date: set.meta.built,
          enabled: true,
          builtin: true,
        },
      };
    } catch (err) {
      console.error('Factmark: the bundled claim set could not be loaded:', err);
      this.bundled = null;
      return null;
    }
  }

  private async loadImported(): Promise<Loaded[]> {
    let stored: ImportedSet[] = [];
    try {
      const raw: unknown = await importedSetsItem.getValue();
      stored = Array.isArray(raw) ? (raw as ImportedSet[]) : [];
    } catch (err) {
      console.warn('Factmark: imported claim sets could not be read:', err);
    }
    const out: Loaded[] = [];
    for (const s of stored) {
      try {
        const set = loadClaimSet(
          compileClaimSet(s.records, { name: s.name, version: s.id, built: s.imported }),
        );
        out.push({
          set,
          info: {
            id: s.id,
            name: s.name,
            count: set.meta.count,
            date: s.imported,
            enabled: s.enabled,
            builtin: false,
          },
        });
      } catch (err) {
        console.warn(`Factmark: imported set "${s.name}" could not be compiled:`, err);
      }
    }
    return out;
  }
}
