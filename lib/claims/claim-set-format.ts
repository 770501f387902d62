/**
 * The compiled claim set's files (version 2, documented in data/claims/README.md): what the
 * extension loads and what an imported set becomes in memory. Two kinds of file, split so the
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
 * attribution, lang, verdictUpdated] with trailing nulls dropped; a source is [publisher, title, urlPrefix,
 * urlRest, date]. Fields that repeat within the shard (publishers, ratings, claimants, dates,
 * attributions, URL prefixes) are "Str": a number indexes the shard's `s`, a string is the
 * value itself. `note: null` means "no note but the first source's title" (PolitiFact's headline
 * is both): decoded as `note: ''`, so the card shows the headline once, as the source's title,
 * a source `date: null` means "the reviewed date". Ids are not repeated: they are the index's.
 * Phrasings and topics live only in the index (the card does not show them).
 *
 * Written by compile-claim-set.ts, checked by check-claim-set.ts, read by decode-claim-row.ts.
 */

import type { SetSummary } from '../feeds/summary';

export const CLAIM_SET_FORMAT = 'factmark-claim-set';
export const CLAIM_SET_VERSION = 2;
export const DISPLAY_FORMAT = 'factmark-display';
/**
 * Claims per display shard: ~85 KB of JSON, read and parsed in a few ms; 109 files for the
 * bundled set. Smaller files make the first card of a claim cheaper (a page's matches touch
 * a handful of files) at the cost of more files in the package.
 */
export const SHARD_CLAIMS = 256;
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
  /** Publishers, attributions and review dates of the set (lib/feeds/summary.ts). */
  summary?: SetSummary;
}

/** A string that is either inline or an index into the shard's interned table. */
export type Str = number | string;
export type CompactSource = [
  publisher: Str,
  title: string,
  urlPrefix: Str,
  urlRest: string,
  date: Str | null,
];
export type CompactClaim = [
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
  verdictUpdated?: Str | null,
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
export interface ClaimSetHeader {
  format: typeof CLAIM_SET_FORMAT;
  version: typeof CLAIM_SET_VERSION;
  meta: ClaimSetMeta;
  shards: ShardRef[];
}

/** A display shard in memory: its string table and its rows, each checked when first read. */
export interface OpenShard {
  table: readonly string[];
  rows: readonly unknown[];
}

export function shardFile(n: number): string {
  return `display-${String(n).padStart(3, '0')}.json`;
}
