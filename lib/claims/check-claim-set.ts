/**
 * Checks of a compiled claim set as it is read (claim-set-format.ts): index.bin's header when
 * the set opens, a display file when it is first fetched, a row when a card first needs it.
 * Each failure is an Error that says what is wrong ("loadClaimSet: …").
 */
import { readIndexHeader } from '../match/read-index-header';
import { VERDICTS } from '../types';
import { checkSummary } from '../feeds/summary';
import {
  CLAIM_SET_FORMAT,
  CLAIM_SET_VERSION,
  DISPLAY_FORMAT,
  type ClaimSetHeader,
  type ClaimSetMeta,
  type CompactClaim,
  type OpenShard,
  type ShardRef,
  type Str,
} from './claim-set-format';

export function fail(msg: string): never {
  throw new Error(`loadClaimSet: ${msg}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks the claim set part of index.bin's header (meta, shard table). */
export function checkClaimSetHeader(extra: unknown): ClaimSetHeader {
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
  if (meta.summary !== undefined) {
    const summary = checkSummary(meta.summary);
    if (!summary) fail('meta.summary is malformed');
    m.summary = summary;
  }
  return {
    format: CLAIM_SET_FORMAT,
    version: CLAIM_SET_VERSION,
    meta: m,
    shards: shards as ShardRef[],
  };
}

/** Meta of a compiled set from index.bin's header alone (no index, no display data). */
export function readClaimSetMeta(indexBin: unknown): ClaimSetMeta {
  return checkClaimSetHeader(readIndexHeader(indexBin).extra).meta;
}

/** Checks a display file against the shard table entry it should match. */
export function openDisplayShard(
  json: unknown,
  n: number,
  ref: ShardRef,
  ids: readonly string[],
): OpenShard {
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
 * Row `k` of shard `sh`, checked: a malformed row means a corrupt file, so it throws.
 * `describe` names the row for the message (its claim id and file).
 */
export function checkClaimRow(sh: OpenShard, k: number, describe: () => string): CompactClaim {
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
  const row = sh.rows[k];
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
    fail(`claim row ${describe()} is malformed`);
  return row as CompactClaim;
}
