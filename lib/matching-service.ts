import { matchSentences } from './match/matcher';
import { warmSoon } from './warm-claim-set';
import { loadClaimSet, type ClaimSet, type ShardFetcher } from './claims/claim-set';
import { lookupSelection, type LookupHit } from './selection-lookup';
import type { SetSummary } from './feeds/summary';
import { mergeSetMatches } from './merge-set-matches';
import { whySpans } from './highlight';
import { semanticPass, type ClosenessFn } from './semantic-pass';
import {
  STRICTNESSES,
  type CardClaim,
  type ClaimRecord,
  type Match,
  type Sentence,
  type Strictness,
} from './types';

/**
 * The background's matching service (pure: no extension API; the background passes in how to
 * read the bundled files and the stored imports). It matches a page's sentences in every
 * enabled claim set and returns the matches with the card data of their claims.
 */

/** What the popup lists of a claim set. */
export interface SetInfo {
  id: string;
  name: string;
  count: number;
  date: string;
  enabled: boolean;
  builtin: boolean;
  /** Absent on sets from before feeds: bundled when builtin, else imported. */
  kind?: 'bundled' | 'imported' | 'feed';
  /** Publishers, licences and review dates (lib/feeds/summary.ts). */
  summary?: SetSummary;
}

/**
 * A claim set the user imported in the popup, whole (IndexedDB keeps its metadata and its
 * records apart: utils/imported-store.ts); compiled in memory on load (lib/stored-sets.ts).
 */
export interface ImportedSet {
  id: string;
  name: string;
  /** ISO date of the import. */
  imported: string;
  enabled: boolean;
  records: ClaimRecord[];
}

export interface MatchQuery {
  /**
   * The sentences' text and block (paragraph); a Match names its sentence by its index here.
   * Absent when `batch` names sentences sent before.
   */
  sentences?: Pick<Sentence, 'text' | 'block'>[];
  /**
   * The sentences (and date) of an earlier request, by the `batch` its reply gave: the page
   * asks for a batch's other strictnesses without sending its text again.
   */
  batch?: number;
  /** The strictness settings to match at (all of them when empty or absent). */
  strictnesses?: Strictness[];
  /** Page date from its metadata (ISO), if any. */
  date?: string;
  /**
   * The semantic pass of the batch instead of the lexical matches (lib/semantic-pass.ts):
   * its marks are shown at Balanced and Broad. Nothing when the model is not available.
   */
  semantic?: boolean;
}

export interface MatchResult {
  /** Names this request's sentences for a follow-up request (MatchQuery `batch`). */
  batch?: number;
  /**
   * The `batch` asked for is no longer remembered (the background restarted, or many batches
   * came since): nothing was matched; send the sentences again.
   */
  unknownBatch?: true;
  matches: Match[];
  /** The strictness settings each match is shown at: `shownAt[i]` for `matches[i]`. */
  shownAt: Strictness[][];
  /** Display data of every claim in `matches`, by set and row: `claims[m.set][m.row]`. */
  claims: Record<string, Record<number, CardClaim>>;
}

export interface Loaded {
  info: SetInfo;
  set: ClaimSet;
}

/** Where the sets come from: index.bin as bytes, display files as parsed JSON, the stored sets. */
export interface SetSources {
  fetchIndex: () => Promise<ArrayBuffer>;
  fetchShard: ShardFetcher;
  /** The imported sets (lib/stored-sets.ts), compiled. */
  imported?: { current: () => Promise<Loaded[]> };
  /** The subscribed feeds' sets (lib/feed-sets.ts), ready ones only. */
  feeds?: { current: () => Promise<Loaded[]> };
  /** The semantic channel's model (utils/semantic-host.ts); absent: no semantic pass. */
  semantic?: ClosenessFn;
}

/** Batches remembered for their follow-up request (a page asks for a few at a time). */
const RECENT = 16;

/** One request's sentences and page date, kept for its follow-up requests. */
interface Batch {
  id: number;
  sentences: Pick<Sentence, 'text' | 'block'>[];
  date: string | undefined;
}

/**
 * The bundled set plus the user's imported sets, loaded lazily and kept while the background
 * lives. The bundled index (index.bin) is loaded at start; its display files are fetched when a
 * matched claim needs its card, and cached (lib/claims/claim-set.ts). Imported claims are
 * matched exactly like bundled ones (compiled in memory, every display row at hand).
 */
export class MatchingService {
  private bundled: Promise<Loaded | null> | null = null;
  private readonly recent = new Map<number, Batch>();
  private nextBatch = 1;

  constructor(private readonly source: SetSources) {}

  /** Starts loading now, so the first page after the background starts finds it ready. */
  warm(): void {
    void this.all(false);
  }

  async info(): Promise<SetInfo[]> {
    const all = await this.all(true);
    return all.map((l) => l.info);
  }

  /**
   * Matches the sentences in every enabled set at each strictness asked (all three when none
   * is), each match returned once with the settings it is shown at (`shownAt`). The page asks
   * for its current strictness first, then for the others, so it can switch strictness without
   * asking again. One strictness's marks are not a filter of another's: a sentence must reach
   * the strictness's floor on its own (Broad's matches filtered by band keep
   * us-28-point-peace-plan on the demo article at Strict; on debate lines read as a page they
   * mark 112 more at Strict and 48 more at Balanced), and a possible match can take an
   * annotated one's place. Cost: one matcher run per set and strictness.
   */
  async match(req: MatchQuery): Promise<MatchResult> {
    const batch = this.batchOf(req);
    if (!batch) return { unknownBatch: true, matches: [], shownAt: [], claims: {} };
    const { sentences, date } = batch;
    const asked = Array.isArray(req.strictnesses) ? req.strictnesses : [];
    const semantic = req.semantic === true;
    const levels = STRICTNESSES.filter(
      (s) => (asked.length === 0 || asked.includes(s)) && (!semantic || s !== 'strict'),
    );
    const sets = await this.all(false);
    // Match in every set first (synchronous), then fetch the card data of all of them at
    // once: each needed display file is read once, in parallel. A semantic mark is one
    // match shown at each of the levels.
    const closeness = this.source.semantic;
    let found: Match[][][] = [];
    if (!semantic)
      found = sets.map(({ set, info }) =>
        levels.map((strictness) =>
          matchSentences(set.index, sentences, { date }, { strictness, set: info.id }),
        ),
      );
    else if (closeness && levels.length > 0)
      found = (await semanticPass(sets, sentences, date, closeness)).map((ms) =>
        levels.map(() => ms),
      );
    const records = await Promise.all(
      sets.map(async ({ set, info }, i): Promise<Map<number, ClaimRecord>> => {
        const rows = new Set((found[i] ?? []).flat().map((m) => m.row));
        if (rows.size === 0) return new Map();
        try {
          return await set.claims.getRows(rows);
        } catch (err) {
          // A display file that cannot be read costs its marks, not the page's others.
          console.error(`Factmark: card data of "${info.name}" could not be loaded:`, err);
          return new Map();
        }
      }),
    );
    const out: Match[] = [];
    const shownAt: Strictness[][] = [];
    const claims: MatchResult['claims'] = {};
    const indexOf = new Map<string, number>();
    levels.forEach((strictness, level) => {
      // One mark per claim across sets: the same URL once, two publishers' checks of one
      // sentence as one mark listing both (lib/merge-set-matches.ts).
      const merged = mergeSetMatches(
        sets.map(({ info }, i) => ({
          setName: info.name,
          matches: found[i]?.[level] ?? [],
          records: records[i] ?? new Map<number, ClaimRecord>(),
        })),
      );
      for (const { match: m, claim, setName, also } of merged) {
        const key = `${m.sentence}:${m.start}:${m.end}:${m.set}:${m.row}`;
        let at = indexOf.get(key);
        const card = ((claims[m.set] ??= {})[m.row] ??= { ...claim, fromSet: setName });
        for (const a of also)
          if (!card.also?.some((x) => x.id === a.id)) (card.also ??= []).push(a);
        if (at === undefined) {
          indexOf.set(key, (at = out.length));
          const quote = sentences[m.sentence]?.text.slice(m.start, m.end) ?? '';
          const shared = whySpans(m.evidence, card.claim, quote);
          out.push(shared ? { ...m, shared } : m);
          shownAt.push([]);
        }
        shownAt[at]?.push(strictness);
      }
    });
    return { batch: batch.id, matches: out, shownAt, claims };
  }

  /**
   * The request's sentences: sent with it (remembered under a new batch id), or those of the
   * earlier batch it names (null when that batch is no longer remembered). A follow-up gets the
   * very array of the first request, so the matcher finds the rankings it computed then
   * (lib/match/rankings.ts keeps them per array) and costs only the filtering; nor does the
   * page send its text twice. The last RECENT batches are remembered.
   */
  private batchOf(req: MatchQuery): Batch | null {
    if (req.sentences === undefined && typeof req.batch === 'number') {
      const had = this.recent.get(req.batch);
      if (!had) return null;
      this.recent.delete(had.id);
      this.recent.set(had.id, had);
      return had;
    }
    const batch: Batch = {
      id: this.nextBatch++,
      sentences: Array.isArray(req.sentences) ? req.sentences : [],
      date: req.date,
    };
    this.recent.set(batch.id, batch);
    while (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as number);
    return batch;
  }

  /** "Check with Factmark": the best fact checks for a selection, below the threshold too. */
  async lookup(text: string, top?: number): Promise<LookupHit[]> {
    return lookupSelection(await this.all(false), text, top);
  }

  /** Enabled sets only, unless `withDisabled` (for the popup's list). */
  private async all(withDisabled: boolean): Promise<Loaded[]> {
    this.bundled ??= this.loadBundled();
    const [b, imp, feeds] = await Promise.all([
      this.bundled,
      this.source.imported?.current() ?? [],
      this.source.feeds?.current() ?? [],
    ]);
    const list = [...(b ? [b] : []), ...imp, ...feeds];
    return withDisabled ? list : list.filter((l) => l.info.enabled);
  }

  private async loadBundled(): Promise<Loaded | null> {
    try {
      const set = loadClaimSet(await this.source.fetchIndex(), this.source.fetchShard);
      warmSoon(set);
      return {
        set,
        info: {
          id: 'bundled',
          name: set.meta.name,
          count: set.meta.count,
          date: set.meta.built,
          enabled: true,
          builtin: true,
          kind: 'bundled',
          ...(set.meta.summary ? { summary: set.meta.summary } : {}),
        },
      };
    } catch (err) {
      console.error('Factmark: the bundled claim set could not be loaded:', err);
      this.bundled = null;
      return null;
    }
  }
}
