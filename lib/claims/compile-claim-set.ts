/**
 * Compiles validated records into a claim set (claim-set-format.ts). Shared by the build
 * script and the import path, so imported claims are indexed and matched exactly like bundled
 * ones. The result is in memory: an import is opened from it directly (openCompiledClaimSet),
 * and only what is written to disk is serialised (serializeClaimSetIndex).
 */
import { buildIndex } from '../match/build-index';
import type { ClaimIndex } from '../match/matcher';
import type { JsonValue } from '../match/index-format';
import { serializeIndex } from '../match/serialize-index';
import { VERDICTS, type ClaimRecord } from '../types';
import {
  CLAIM_SET_FORMAT,
  CLAIM_SET_VERSION,
  DISPLAY_FORMAT,
  SHARD_CLAIMS,
  shardFile,
  type ClaimSetHeader,
  type ClaimSetMeta,
  type CompactClaim,
  type CompactSource,
  type DisplayShard,
  type Str,
} from './claim-set-format';
import { toMatchable } from './to-matchable';
import { summarize } from '../feeds/summary';

export interface CompiledClaimSet {
  meta: ClaimSetMeta;
  /** What index.bin's header carries: meta and the shard table. */
  header: ClaimSetHeader;
  /** The matcher index, claims in id order (the order of the display rows). */
  index: ClaimIndex;
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
    count(r.verdictUpdated);
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
      opt(r.verdictUpdated),
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
    summary: summarize(all.map(({ r }) => r)),
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
  const header: ClaimSetHeader = {
    format: CLAIM_SET_FORMAT,
    version: CLAIM_SET_VERSION,
    meta: setMeta,
    shards: shards.map(({ file, data }) => ({ file, start: data.start, count: data.c.length })),
  };
  return { meta: setMeta, header, index, shards };
}

/**
 * index.bin of a compiled set: the matcher index with meta and the shard table in its header.
 * Deterministic, like the compile.
 */
export function serializeClaimSetIndex(compiled: CompiledClaimSet): ArrayBuffer {
  return serializeIndex(compiled.index, compiled.header as unknown as JsonValue);
}
