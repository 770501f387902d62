/**
 * The compiled claim set: what the extension loads (public/claims/bundled.json) and what an
 * imported set becomes in memory. `compileClaimSet` is shared by the build script and the
 * import path, so imported claims are indexed and matched exactly like bundled ones.
 *
 * Format (version 1), one JSON object, no whitespace; documented in data/claims/README.md:
 *
 *   { format: "factmark-claim-set", version: 1,
 *     meta:   { name, version, built, count, origins: { seed: 6, politifact: n, ... } },
 *     s:      [ interned strings ],
 *     c:      [ one row per claim, in the index's claim order, each a JSON string ],
 *     index:  serializeIndex(buildIndex(...))  // lib/match; holds the claim ids }
 *
 * A row is [claim, verdict, note, reviewed, sources, origin, rating, claimant, claimDate,
 * attribution, lang] with trailing nulls dropped; a source is [publisher, title, urlPrefix,
 * urlRest, date]. Fields that repeat across claims (publishers, ratings, claimants, dates,
 * attributions, URL prefixes) are "Str": a number indexes `s`, a string is the value itself.
 * `note: null` means "the first source's title" (PolitiFact's headline is both), a source
 * `date: null` means "the reviewed date". Ids are not repeated: they are the index's ids.
 * Phrasings and topics live only in the index (the card does not show them).
 *
 * Why rows are JSON strings inside the JSON: the service worker parses the file once per
 * start, and the card needs display data for only a handful of claims. Parsing 28k short
 * strings takes ~14 ms in Node where parsing the same rows as nested arrays takes ~70 ms;
 * a row is parsed (and its shape checked) only when a card needs it.
 */
import {
  buildIndex,
  loadIndex,
  serializeIndex,
  type ClaimIndex,
  type SerializedIndex,
} from '../match/index';
import {
  VERDICTS,
  type ClaimRecord,
  type MatchableClaim,
  type Source,
  type Verdict,
} from '../types';

export const CLAIM_SET_FORMAT = 'factmark-claim-set';
export const CLAIM_SET_VERSION = 1;

export interface ClaimSetMeta {
  name: string;
  version: string;
  /** ISO date from the data: the latest `reviewed` date in the set (never the clock). */
  built: string;
  count: number;
  /** Claims per origin, e.g. {seed: 6, politifact: 18950, snopes: 8800}. */
  origins: Record<string, number>;
}

/** A string that is either inline or an index into the interned table. */
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

export interface CompiledClaimSet {
  format: typeof CLAIM_SET_FORMAT;
  version: typeof CLAIM_SET_VERSION;
  meta: ClaimSetMeta;
  s: string[];
  /** JSON.stringify(CompactClaim) per claim. */
  c: string[];
  index: SerializedIndex;
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

/** Display data by id. Rows are decoded on demand. */
export interface ClaimLookup {
  readonly size: number;
  get(id: string): ClaimRecord | undefined;
  has(id: string): boolean;
  /** Which origin ("seed", "politifact", ...) a claim came from. */
  originOf(id: string): string | undefined;
  ids(): readonly string[];
}

export interface ClaimSet {
  meta: ClaimSetMeta;
  claims: ClaimLookup;
  index: ClaimIndex;
}

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

  // Intern a value when it occurs at least twice: a table index is shorter than a repeat.
  const uses = new Map<string, number>();
  const count = (v: string | undefined) => {
    if (v !== undefined) uses.set(v, (uses.get(v) ?? 0) + 1);
  };
  for (const { r, origin } of all) {
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

  const rows: string[] = all.map(({ r, origin }) => {
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
    return JSON.stringify(row);
  });

  const index = serializeIndex(buildIndex(all.map(({ r, priority }) => toMatchable(r, priority))));
  if (index.ids.length !== rows.length || index.ids.some((id, i) => id !== all[i]?.r.id))
    throw new Error('compileClaimSet: the matcher index does not list the claims in compile order');

  const built = meta.built ?? all.reduce((max, { r }) => (r.reviewed > max ? r.reviewed : max), '');
  return {
    format: CLAIM_SET_FORMAT,
    version: CLAIM_SET_VERSION,
    meta: { name: meta.name, version: meta.version, built, count: rows.length, origins },
    s: table,
    c: rows,
    index,
  };
}

function fail(msg: string): never {
  throw new Error(`loadClaimSet: ${msg}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Loads a compiled set (parsed JSON). Checks the format, the meta and every row's shape, and
 * throws an Error that says what is wrong; the index is checked by loadIndex.
 */
export function loadClaimSet(json: unknown): ClaimSet {
  if (!isRecord(json)) fail('payload is not an object');
  if (json.format !== CLAIM_SET_FORMAT)
    fail(`not a Factmark claim set (format ${JSON.stringify(json.format)})`);
  if (json.version !== CLAIM_SET_VERSION)
    fail(
      `claim set version ${JSON.stringify(json.version)} is not supported (expected ${CLAIM_SET_VERSION}); rebuild it`,
    );
  const meta = json.meta;
  if (!isRecord(meta)) fail('meta is missing');
  for (const k of ['name', 'version', 'built'] as const)
    if (typeof meta[k] !== 'string') fail(`meta.${k} must be a string`);
  if (typeof meta.count !== 'number') fail('meta.count must be a number');
  if (!isRecord(meta.origins) || !Object.values(meta.origins).every((n) => typeof n === 'number'))
    fail('meta.origins must map names to numbers');
  const s = json.s;
  const c = json.c;
  if (!Array.isArray(s) || !s.every((x) => typeof x === 'string'))
    fail('s must be an array of strings');
  if (!Array.isArray(c)) fail('c must be an array of claim rows');
  if (c.length !== meta.count)
    fail(`meta.count is ${String(meta.count)} but there are ${c.length} claim rows`);
  if (!c.every((row) => typeof row === 'string')) fail('c must be an array of JSON strings');
  const table = s as string[];
  const rows = c as string[];
  const index = loadIndex(json.index);
  const ids = index.src.ids;
  if (ids.length !== rows.length)
    fail(`the index has ${ids.length} claims but there are ${rows.length} rows`);
  // Built on first lookup: the map costs a few ms and is not needed to start matching.
  let rowOfCache: Map<string, number> | null = null;
  const rowOf = (): Map<string, number> => {
    if (rowOfCache) return rowOfCache;
    const m = new Map<string, number>();
    ids.forEach((id, i) => m.set(id, i));
    if (m.size !== ids.length) fail('the index lists a claim id twice');
    return (rowOfCache = m);
  };

  const okStr = (v: unknown): v is Str =>
    typeof v === 'string' ||
    (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < table.length);
  const okOpt = (v: unknown): boolean => v === undefined || v === null || okStr(v);
  const okSource = (src: unknown): boolean =>
    Array.isArray(src) &&
    okStr(src[0]) &&
    typeof src[1] === 'string' &&
    okStr(src[2]) &&
    typeof src[3] === 'string' &&
    okOpt(src[4]);
  /** Parses and checks one row; a malformed row means a corrupt file, so it throws. */
  const parseRow = (i: number): CompactClaim => {
    let row: unknown;
    try {
      row = JSON.parse(rows[i] ?? '');
    } catch {
      fail(`claim row ${i} is not JSON`);
    }
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
      fail(`claim row ${i} (${JSON.stringify(ids[i])}) is malformed`);
    return row as CompactClaim;
  };

  const val = (v: Str): string => (typeof v === 'number' ? (table[v] ?? '') : v);
  const optVal = (v: Str | null | undefined): string | undefined =>
    v === null || v === undefined ? undefined : val(v);
  const decode = (i: number): ClaimRecord | undefined => {
    const id = ids[i];
    if (id === undefined) return undefined;
    const row = parseRow(i);
    const reviewed = val(row[3]);
    const sources = row[4].map((src): Source => ({
      publisher: val(src[0]),
      title: src[1],
      url: val(src[2]) + src[3],
      date: src[4] === null ? reviewed : val(src[4]),
    }));
    const r: ClaimRecord = {
      id,
      claim: row[0],
      verdict: VERDICTS[row[1]] as Verdict,
      note: row[2] ?? sources[0]?.title ?? '',
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

  const claims: ClaimLookup = {
    size: rows.length,
    get: (id) => {
      const i = rowOf().get(id);
      return i === undefined ? undefined : decode(i);
    },
    has: (id) => rowOf().has(id),
    originOf: (id) => {
      const i = rowOf().get(id);
      return i === undefined ? undefined : optVal(parseRow(i)[5]);
    },
    ids: () => ids,
  };
  return {
    meta: {
      name: meta.name as string,
      version: meta.version as string,
      built: meta.built as string,
      count: meta.count,
      origins: { ...(meta.origins as Record<string, number>) },
    },
    claims,
    index,
  };
}
