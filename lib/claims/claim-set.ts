/**
 * The compiled claim set: what the extension loads and what an imported set becomes in
 * memory. `compileClaimSet` is shared by the build script and the import path, so imported
 * claims are indexed and matched exactly like bundled ones.
 *
 * Format (version 2), documented in data/claims/README.md. Two kinds of file, split so the
 * background's start pays only for matching, and card data is read only for matched claims:
 *
 *   index.bin          serializeIndex(buildIndex(...)) (lib/match: one ArrayBuffer, typed
 *                      arrays loaded as views, the claim ids in its string table); the header's
 *                      `extra` holds { format: "factmark-claim-set", version: 2, meta,
 *                      shards: [{file, start, count}] }, so meta is read without any display data.
 *   display-NNN.json   the display rows of claims start .. start+count-1 in the index's claim
 *                      order (sorted by id), SHARD_CLAIMS per file (~85 KB: far under the 1 MB
 *                      above which web-ext lint refuses to parse a .json file):
 *                      { format: "factmark-display", version: 2, shard, start, first (id of the
 *                        first claim, to catch a shard from another build), s: [strings], c: [rows] }
 *
 * A row is [claim, verdict, note, reviewed, sources, origin, rating, claimant, claimDate,
 * attribution, lang] with trailing nulls dropped; a source is [publisher, title, urlPrefix,
 * urlRest, date]. Fields that repeat within the shard (publishers, ratings, claimants, dates,
 * attributions, URL prefixes) are "Str": a number indexes the shard's `s`, a string is the
 * value itself. `note: null` means "no note but the first source's title" (PolitiFact's headline
 * is both): decoded as `note: ''`, so the card shows the headline once, as the source's title,
 * a source `date: null` means "the reviewed date". Ids are not repeated: they are the index's.
 * Phrasings and topics live only in the index (the card does not show them).
 *
 * Loading: loadClaimSet(index.bin, fetchShard) costs a header parse and typed-array views
 * (~2 ms for the bundled set); a shard is fetched and parsed (~1–2 ms) the first time one of
 * its claims needs a card, and kept (up to SHARD_CACHE shards). openCompiledClaimSet(compiled)
 * opens an in-memory set (an import) with synchronous lookups.
 */
import { buildIndex, loadIndex, serializeIndex, type ClaimIndex } from '../match/index';
import { lastAtOrBefore } from '../sorted';
import { readIndexHeader } from '../match/load-index';
import type { JsonValue } from '../match/serialize-index';
import {
  VERDICTS,
  type ClaimRecord,
  type MatchableClaim,
  type Source,
  type Verdict,
} from '../types';

export const CLAIM_SET_FORMAT = 'factmark-claim-set';
export const CLAIM_SET_VERSION = 2;
export const DISPLAY_FORMAT = 'factmark-display';
/**
 * Claims per display shard: ~85 KB of JSON, read and parsed in a few ms; 109 files for the
 * bundled set. Smaller files make the first card of a claim cheaper (a page's matches touch
 * a handful of files) at the cost of more files in the package.
 */
export const SHARD_CLAIMS = 256;
/** Shards kept parsed per set (~0.3 MB each in memory); older ones are dropped, re-fetched. */
export const SHARD_CACHE = 48;
/** The index file's name next to its shards. */
export const INDEX_FILE = 'index.bin';

export interface ClaimSetMeta {
  name: string;
  version: string;
  /** ISO date from the data: the latest `reviewed` date in the set (never the clock). */
  built: string;
  count: number;
  /** Claims per origin, e.g. {seed: 6, politifact: 18950, snopes: 8800}. */
  origins: Record<string, number>;
}

/** A string that is either inline or an index into the shard's interned table. */
type Str = number | string;
type CompactSource = [
  publisher: Str,
  title: string,
  urlPrefix: Str,
  urlRest: string,
  date: Str | null,
];
type CompactClaim = [
  claim: string,
  verdict: number,
  note: string | null,
  reviewed: Str,
  sources: CompactSource[],
  origin?: Str,
  rating?: Str | null,
  claimant?: Str | null,
  claimDate?: Str | null,
  attribution?: Str | null,
  lang?: Str | null,
];

/** One display file (display-NNN.json). */
export interface DisplayShard {
  format: typeof DISPLAY_FORMAT;
  version: typeof CLAIM_SET_VERSION;
  shard: number;
  /** Index (claim order) of the shard's first claim. */
  start: number;
  /** Id of the shard's first claim: a shard from another build is refused. */
  first: string;
  s: string[];
  c: CompactClaim[];
}

export interface ShardRef {
  file: string;
  start: number;
  count: number;
}

/** What index.bin's header carries beside the index. */
interface ClaimSetHeader {
  format: typeof CLAIM_SET_FORMAT;
  version: typeof CLAIM_SET_VERSION;
  meta: ClaimSetMeta;
  shards: ShardRef[];
}

export interface CompiledClaimSet {
  meta: ClaimSetMeta;
  /** index.bin: the matcher index with meta and the shard table in its header. */
  index: ArrayBuffer;
  /** display-NNN.json files, in claim order. */
  shards: { file: string; data: DisplayShard }[];
}

/** Records of one origin: hand-researched claims rank above dataset claims (priority). */
export interface ClaimGroup {
  origin: string;
  priority: number;
  records: readonly ClaimRecord[];
}

export interface CompileMeta {
  name: string;
  version: string;
  /** Defaults to the latest `reviewed` date in the records. */
  built?: string;
  /** Origin name for plain records (not groups). Default "imported". */
  origin?: string;
}

/** Display data by id. Rows live in shards, fetched on first need and decoded on demand. */
export interface ClaimLookup {
  readonly size: number;
  has(id: string): boolean;
  ids(): readonly string[];
  /** The card data of one claim; fetches its shard the first time. */
  get(id: string): Promise<ClaimRecord | undefined>;
  /** Card data of several claims, each needed shard fetched once (in parallel); unknown ids are left out. */
  getMany(ids: Iterable<string>): Promise<Map<string, ClaimRecord>>;
  /** The same by row in the index (what the matcher returns); rows out of range are left out. */
  getRows(rows: Iterable<number>): Promise<Map<number, ClaimRecord>>;
  /** Which origin ("seed", "politifact", ...) a claim came from. */
  originOf(id: string): Promise<string | undefined>;
}

/** An in-memory set (compiled from an import): every shard is at hand. */
export interface SyncClaimLookup extends ClaimLookup {
  getSync(id: string): ClaimRecord | undefined;
  originOfSync(id: string): string | undefined;
}

export interface ClaimSet<L extends ClaimLookup = ClaimLookup> {
  meta: ClaimSetMeta;
  claims: L;
  index: ClaimIndex;
}

/** Fetches a display file by name (e.g. "display-007.json") and returns its parsed JSON. */
export type ShardFetcher = (file: string) => Promise<unknown>;

/** Origin + path prefix of a URL, e.g. "https://www.politifact.com/factchecks/". */
function urlPrefix(url: string): string {
  const m = /^https:\/\/[^/]+\/(?:[^/?#]+\/)?/.exec(url);
  return m ? m[0] : '';
}

function isGroups(
  input: readonly ClaimRecord[] | readonly ClaimGroup[],
): input is readonly ClaimGroup[] {
  const f = input[0];
  return f !== undefined && 'records' in f;
}

/** The matcher's view of a record. The date is the claim's, else the fact check's. */
export function toMatchable(r: ClaimRecord, priority: number): MatchableClaim {
  const m: MatchableClaim = { id: r.id, text: r.claim };
  if (r.phrasings && r.phrasings.length > 0) m.phrasings = r.phrasings;
  const title = r.sources[0]?.title;
  if (title !== undefined) m.title = title;
  if (r.claimant !== undefined) m.claimant = r.claimant;
  m.date = r.claimDate ?? r.reviewed;
  if (priority !== 0) m.priority = priority;
  return m;
}

/** A shard's rows, with values that repeat within it interned in its own table. */
function compileShard(
  part: readonly { r: ClaimRecord; origin: string }[],
  shard: number,
  start: number,
): DisplayShard {
  // Intern a value when it occurs at least twice: a table index is shorter than a repeat.
  const uses = new Map<string, number>();
  const count = (v: string | undefined) => {
    if (v !== undefined) uses.set(v, (uses.get(v) ?? 0) + 1);
  };
  for (const { r, origin } of part) {
    count(origin);
    count(r.reviewed);
    count(r.rating);
    count(r.claimant);
    count(r.claimDate);
    count(r.attribution);
    count(r.lang);
    for (const s of r.sources) {
      count(s.publisher);
      count(urlPrefix(s.url));
      if (s.date !== r.reviewed) count(s.date);
    }
  }
  const table: string[] = [];
  const slot = new Map<string, number>();
  const str = (v: string): Str => {
    if ((uses.get(v) ?? 0) < 2) return v;
    let i = slot.get(v);
    if (i === undefined) {
      i = table.length;
      table.push(v);
      slot.set(v, i);
    }
    return i;
  };
  const opt = (v: string | undefined): Str | null => (v === undefined ? null : str(v));

  const rows = part.map(({ r, origin }): CompactClaim => {
    const sources = r.sources.map((s): CompactSource => {
      const prefix = urlPrefix(s.url);
      return [
        str(s.publisher),
        s.title,
        str(prefix),
        s.url.slice(prefix.length),
        s.date === r.reviewed ? null : str(s.date),
      ];
    });
    const row: CompactClaim = [
      r.claim,
      VERDICTS.indexOf(r.verdict),
      r.note === r.sources[0]?.title ? null : r.note,
      str(r.reviewed),
      sources,
      str(origin),
      opt(r.rating),
      opt(r.claimant),
      opt(r.claimDate),
      opt(r.attribution),
      opt(r.lang),
    ];
    while (row.length > 6 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return {
    format: DISPLAY_FORMAT,
    version: CLAIM_SET_VERSION,
    shard,
    start,
    first: part[0]?.r.id ?? '',
    s: table,
    c: rows,
  };
}

export function shardFile(n: number): string {
  return `display-${String(n).padStart(3, '0')}.json`;
}

/**
 * Compiles validated records into the loadable form. Deterministic: the same records give
 * the same bytes (claims sorted by id, strings interned in first-use order, no clock).
 * Throws on duplicate ids (validation reports them with file and record first).
 */
export function compileClaimSet(
  input: readonly ClaimRecord[] | readonly ClaimGroup[],
  meta: CompileMeta,
): CompiledClaimSet {
  const groups: readonly ClaimGroup[] = isGroups(input)
    ? input
    : [
        {
          origin: meta.origin ?? 'imported',
          priority: 0,
          records: input as readonly ClaimRecord[],
        },
      ];
  const all: { r: ClaimRecord; origin: string; priority: number }[] = [];
  const origins: Record<string, number> = {};
  const seen = new Set<string>();
  for (const g of groups) {
    origins[g.origin] = (origins[g.origin] ?? 0) + g.records.length;
    for (const r of g.records) {
      if (seen.has(r.id))
        throw new Error(`compileClaimSet: duplicate claim id ${JSON.stringify(r.id)}`);
      seen.add(r.id);
      all.push({ r, origin: g.origin, priority: g.priority });
    }
  }
  all.sort((a, b) => (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));

  const built = meta.built ?? all.reduce((max, { r }) => (r.reviewed > max ? r.reviewed : max), '');
  const setMeta: ClaimSetMeta = {
    name: meta.name,
    version: meta.version,
    built,
    count: all.length,
    origins,
  };

  const shards: CompiledClaimSet['shards'] = [];
  for (let start = 0, n = 0; start < all.length; start += SHARD_CLAIMS, n++)
    shards.push({
      file: shardFile(n),
      data: compileShard(all.slice(start, start + SHARD_CLAIMS), n, start),
    });

  const index = buildIndex(all.map(({ r, priority }) => toMatchable(r, priority)));
  const ids = index.src.ids;
  if (ids.length !== all.length || ids.some((id, i) => id !== all[i]?.r.id))
    throw new Error('compileClaimSet: the matcher index does not list the claims in compile order');
  const head: ClaimSetHeader = {
    format: CLAIM_SET_FORMAT,
    version: CLAIM_SET_VERSION,
    meta: setMeta,
    shards: shards.map(({ file, data }) => ({ file, start: data.start, count: data.c.length })),
  };
  return {
    meta: setMeta,
    index: serializeIndex(index, head as unknown as JsonValue),
    shards,
  };
}

function fail(msg: string): never {
  throw new Error(`loadClaimSet: ${msg}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks the claim set part of index.bin's header (meta, shard table). */
function checkHeader(extra: unknown): ClaimSetHeader {
  if (!isRecord(extra)) fail('index.bin carries no claim set header (not a compiled claim set)');
  if (extra.format !== CLAIM_SET_FORMAT)
    fail(`not a Factmark claim set (format ${JSON.stringify(extra.format)})`);
  if (extra.version !== CLAIM_SET_VERSION)
    fail(
      `claim set version ${JSON.stringify(extra.version)} is not supported (expected ${CLAIM_SET_VERSION}); rebuild it`,
    );
  const meta = extra.meta;
  if (!isRecord(meta)) fail('meta is missing');
  for (const k of ['name', 'version', 'built'] as const)
    if (typeof meta[k] !== 'string') fail(`meta.${k} must be a string`);
  if (!isCount(meta.count)) fail('meta.count must be a number');
  if (!isRecord(meta.origins) || !Object.values(meta.origins).every((n) => typeof n === 'number'))
    fail('meta.origins must map names to numbers');
  const shards = extra.shards;
  if (!Array.isArray(shards)) fail('the shard table is missing');
  let next = 0;
  for (const [i, sh] of shards.entries()) {
    if (!isRecord(sh) || typeof sh.file !== 'string' || !isCount(sh.start) || !isCount(sh.count))
      fail(`shard table entry ${i} is malformed`);
    if (!/^[\w.-]+\.json$/.test(sh.file)) fail(`shard table entry ${i} names a bad file`);
    if (sh.start !== next) fail(`shard ${i} starts at ${sh.start}, expected ${next}`);
    next += sh.count;
  }
  if (next !== meta.count)
    fail(`meta.count is ${String(meta.count)} but the shards hold ${next} claims`);
  const m: ClaimSetMeta = {
    name: meta.name as string,
    version: meta.version as string,
    built: meta.built as string,
    count: meta.count,
    origins: { ...(meta.origins as Record<string, number>) },
  };
  return {
    format: CLAIM_SET_FORMAT,
    version: CLAIM_SET_VERSION,
    meta: m,
    shards: shards as ShardRef[],
  };
}

/** Meta of a compiled set from index.bin's header alone (no index, no display data). */
export function readClaimSetMeta(indexBin: unknown): ClaimSetMeta {
  return checkHeader(readIndexHeader(indexBin).extra).meta;
}

/** A parsed, checked shard: rows are checked one by one when a card needs them. */
interface OpenShard {
  table: string[];
  rows: unknown[];
}

/** Checks a display file against the shard table entry it should match. */
function openShard(json: unknown, n: number, ref: ShardRef, ids: readonly string[]): OpenShard {
  const where = `display file ${ref.file}`;
  if (!isRecord(json)) fail(`${where} is not an object`);
  if (json.format !== DISPLAY_FORMAT) fail(`${where} is not a Factmark display file`);
  if (json.version !== CLAIM_SET_VERSION)
    fail(`${where} has version ${JSON.stringify(json.version)}, expected ${CLAIM_SET_VERSION}`);
  if (json.shard !== n || json.start !== ref.start || json.first !== ids[ref.start])
    fail(`${where} belongs to another build of the claim set (rebuild it)`);
  const { s, c } = json;
  if (!Array.isArray(s) || !s.every((x) => typeof x === 'string'))
    fail(`${where}: s must be an array of strings`);
  if (!Array.isArray(c) || c.length !== ref.count)
    fail(`${where}: expected ${ref.count} claim rows`);
  return { table: s as string[], rows: c as unknown[] };
}

/**
 * The display side of a set: shard i holds claims table[i].start .. +count. `getShard`
 * returns a shard synchronously when it is in memory, else undefined; `loadShard` fetches.
 */
function makeLookup(
  ids: () => readonly string[],
  table: readonly ShardRef[],
  getShard: (n: number) => OpenShard | undefined,
  loadShard: (n: number) => Promise<OpenShard>,
): SyncClaimLookup {
  // Built on first lookup: the map costs a few ms and is not needed to start matching.
  let rowOfCache: Map<string, number> | null = null;
  const rowOf = (): Map<string, number> => {
    if (rowOfCache) return rowOfCache;
    const list = ids();
    const m = new Map<string, number>();
    list.forEach((id, i) => m.set(id, i));
    if (m.size !== list.length) fail('the index lists a claim id twice');
    return (rowOfCache = m);
  };
  /** Shard of claim i: shards are contiguous, so a binary search over starts. */
  const starts = table.map((t) => t.start);
  const shardOf = (i: number): number => lastAtOrBefore(starts, i);

  /** Parses and checks one row; a malformed row means a corrupt file, so it throws. */
  const parseRow = (sh: OpenShard, i: number, n: number): CompactClaim => {
    const strs = sh.table;
    const okStr = (v: unknown): v is Str =>
      typeof v === 'string' ||
      (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < strs.length);
    const okOpt = (v: unknown): boolean => v === undefined || v === null || okStr(v);
    const okSource = (src: unknown): boolean =>
      Array.isArray(src) &&
      okStr(src[0]) &&
      typeof src[1] === 'string' &&
      okStr(src[2]) &&
      typeof src[3] === 'string' &&
      okOpt(src[4]);
    const row = sh.rows[i - (table[n]?.start ?? 0)];
    if (
      !Array.isArray(row) ||
      typeof row[0] !== 'string' ||
      typeof row[1] !== 'number' ||
      VERDICTS[row[1]] === undefined ||
      !(row[2] === null || typeof row[2] === 'string') ||
      !okStr(row[3]) ||
      !Array.isArray(row[4]) ||
      row[4].length === 0 ||
      !(row[4] as unknown[]).every(okSource) ||
      !row.slice(5).every(okOpt)
    )
      fail(`claim row ${i} (${JSON.stringify(ids()[i])}) in ${table[n]?.file ?? '?'} is malformed`);
    return row as CompactClaim;
  };

  const decode = (sh: OpenShard, i: number, n: number): ClaimRecord => {
    const row = parseRow(sh, i, n);
    const val = (v: Str): string => (typeof v === 'number' ? (sh.table[v] ?? '') : v);
    const optVal = (v: Str | null | undefined): string | undefined =>
      v === null || v === undefined ? undefined : val(v);
    const reviewed = val(row[3]);
    const sources = row[4].map((src): Source => ({
      publisher: val(src[0]),
      title: src[1],
      url: val(src[2]) + src[3],
      date: src[4] === null ? reviewed : val(src[4]),
    }));
    const r: ClaimRecord = {
      id: ids()[i] ?? '',
      claim: row[0],
      verdict: VERDICTS[row[1]] as Verdict,
      // A note that was the headline stays out: the card shows the headline as the source.
      note: row[2] ?? '',
      sources,
      reviewed,
    };
    const rating = optVal(row[6]);
    const claimant = optVal(row[7]);
    const claimDate = optVal(row[8]);
    const attribution = optVal(row[9]);
    const lang = optVal(row[10]);
    if (rating !== undefined) r.rating = rating;
    if (claimant !== undefined) r.claimant = claimant;
    if (claimDate !== undefined) r.claimDate = claimDate;
    if (attribution !== undefined) r.attribution = attribution;
    if (lang !== undefined) r.lang = lang;
    return r;
  };
  const originIn = (sh: OpenShard, i: number, n: number): string | undefined => {
    const v = parseRow(sh, i, n)[5];
    return v === undefined || v === null ? undefined : typeof v === 'number' ? sh.table[v] : v;
  };

  /** Sync access; throws when the shard is not in memory (a bug in the caller's set kind). */
  const inMemory = (n: number): OpenShard => {
    const sh = getShard(n);
    if (!sh) fail(`display file ${table[n]?.file ?? n} is not loaded (use the async lookup)`);
    return sh;
  };

  const getRows = async (wanted: Iterable<number>): Promise<Map<number, ClaimRecord>> => {
    const byShard = new Map<number, number[]>();
    for (const i of wanted) {
      if (!Number.isInteger(i) || i < 0 || i >= ids().length) continue;
      const n = shardOf(i);
      const list = byShard.get(n);
      if (list) list.push(i);
      else byShard.set(n, [i]);
    }
    const out = new Map<number, ClaimRecord>();
    await Promise.all(
      [...byShard].map(async ([n, rows]) => {
        const sh = getShard(n) ?? (await loadShard(n));
        for (const i of rows) out.set(i, decode(sh, i, n));
      }),
    );
    return out;
  };
  const getMany = async (wanted: Iterable<string>): Promise<Map<string, ClaimRecord>> => {
    const rows: number[] = [];
    for (const id of wanted) {
      const i = rowOf().get(id);
      if (i !== undefined) rows.push(i);
    }
    const out = new Map<string, ClaimRecord>();
    for (const [i, r] of await getRows(rows)) out.set(ids()[i] ?? '', r);
    return out;
  };

  return {
    get size() {
      return ids().length;
    },
    has: (id) => rowOf().has(id),
    ids,
    get: async (id) => (await getMany([id])).get(id),
    getMany,
    getRows,
    originOf: async (id) => {
      const i = rowOf().get(id);
      if (i === undefined) return undefined;
      const n = shardOf(i);
      return originIn(getShard(n) ?? (await loadShard(n)), i, n);
    },
    getSync: (id) => {
      const i = rowOf().get(id);
      if (i === undefined) return undefined;
      const n = shardOf(i);
      return decode(inMemory(n), i, n);
    },
    originOfSync: (id) => {
      const i = rowOf().get(id);
      if (i === undefined) return undefined;
      const n = shardOf(i);
      return originIn(inMemory(n), i, n);
    },
  };
}

/**
 * Loads a compiled set from its index.bin (ArrayBuffer or bytes) and a fetcher for its
 * display files. Checks the header (format, version, meta, shard table) and the index
 * (lib/match loadIndex) now, each display file when it is first fetched, each row when a card
 * needs it; throws (or rejects) with an Error that says what is wrong. The buffer must not be
 * written afterwards: the index's typed arrays are views over it.
 */
export function loadClaimSet(indexBin: unknown, fetchShard: ShardFetcher): ClaimSet {
  const head = checkHeader(readIndexHeader(indexBin).extra);
  const index = loadIndex(indexBin);
  if (index.size !== head.meta.count)
    fail(`the index has ${index.size} claims but meta.count is ${head.meta.count}`);
  const ids = (): readonly string[] => index.src.ids;
  // Parsed shards by number, most recently used last (Map order) for the LRU cut.
  const cache = new Map<number, Promise<OpenShard>>();
  const ready = new Map<number, OpenShard>();
  const loadShard = (n: number): Promise<OpenShard> => {
    let p = cache.get(n);
    if (p) {
      cache.delete(n);
      cache.set(n, p);
      return p;
    }
    const ref = head.shards[n];
    if (!ref) return Promise.reject(new Error(`loadClaimSet: no display shard ${n}`));
    p = fetchShard(ref.file).then(
      (json) => {
        const sh = openShard(json, n, ref, ids());
        if (cache.has(n)) ready.set(n, sh);
        return sh;
      },
      (err: unknown) => {
        cache.delete(n); // a failed fetch is retried next time
        throw new Error(
          `loadClaimSet: display file ${ref.file} could not be read: ${err instanceof Error ? err.message : String(err)}`,
        );
      },
    );
    cache.set(n, p);
    while (cache.size > SHARD_CACHE) {
      const oldest = cache.keys().next().value as number;
      cache.delete(oldest);
      ready.delete(oldest);
    }
    return p;
  };
  const getShard = (n: number): OpenShard | undefined => {
    const sh = ready.get(n);
    if (sh) {
      // Touch for the LRU order.
      const p = cache.get(n);
      if (p) {
        cache.delete(n);
        cache.set(n, p);
      }
    }
    return sh;
  };
  return { meta: head.meta, claims: makeLookup(ids, head.shards, getShard, loadShard), index };
}

/**
 * Opens a set compiled in memory (an import): the same index path as the bundled set, with
 * every shard at hand, so lookups can be synchronous.
 */
export function openCompiledClaimSet(compiled: CompiledClaimSet): ClaimSet<SyncClaimLookup> {
  const head = checkHeader(readIndexHeader(compiled.index).extra);
  const index = loadIndex(compiled.index);
  const ids = (): readonly string[] => index.src.ids;
  const shards = head.shards.map((ref, n) => openShard(compiled.shards[n]?.data, n, ref, ids()));
  const getShard = (n: number): OpenShard | undefined => shards[n];
  const loadShard = (n: number): Promise<OpenShard> => {
    const sh = shards[n];
    return sh
      ? Promise.resolve(sh)
      : Promise.reject(new Error(`loadClaimSet: no display shard ${n}`));
  };
  return { meta: head.meta, claims: makeLookup(ids, head.shards, getShard, loadShard), index };
}
