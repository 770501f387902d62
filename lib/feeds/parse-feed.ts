/**
 * Reading a claim feed's body: the formats a reader can subscribe to, told apart by content
 * (a feed's URL or content type says little). ClaimReview JSON-LD (one item, an array, an
 * `@graph`), a DataFeed of ClaimReview items and Factmark JSONL are read exactly as an import
 * is (lib/claims/import.ts, the same converter and validator); a Google Fact Check Tools
 * `claims:search` response is turned into ClaimReview first (factcheck-api.ts). Pure; never
 * throws on bad content.
 */
import type { ClaimRecord } from '../types';
import type { ClaimError } from '../claims/claim-error';
import type { Skipped } from '../claims/skipped';
import { parseClaimFile } from '../claims/import';
import { convertFactCheckApi, isFactCheckApiResponse } from './factcheck-api';

/** A feed is not a curated file: it may hold every check a publisher has published. */
export const MAX_FEED_RECORDS = 200_000;

export type FeedFormat = 'claimreview' | 'datafeed' | 'factcheck-api' | 'jsonl';

export interface ParsedFeed {
  format: FeedFormat;
  records: ClaimRecord[];
  /** Problems of the feed as a whole or of a JSONL line (file, record, field, message). */
  errors: ClaimError[];
  /** ClaimReview items left out, each with its path in the feed and the reason. */
  skipped: Skipped[];
}

function jsonOf(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{')) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function isDataFeed(json: unknown): boolean {
  if (json === null || typeof json !== 'object') return false;
  const t = (json as { '@type'?: unknown })['@type'];
  return t === 'DataFeed' || (Array.isArray(t) && t.includes('DataFeed'));
}

/** Parses a feed body fetched from `source` (its URL, used in messages). */
export function parseFeed(
  text: string,
  source: string,
  opts: { maxRecords?: number } = {},
): ParsedFeed {
  const max = opts.maxRecords ?? MAX_FEED_RECORDS;
  const clean = text.replace(/^\uFEFF/, '');
  const json = jsonOf(clean);
  if (isFactCheckApiResponse(json)) {
    const { records, skipped } = convertFactCheckApi(json, source);
    if (records.length > max)
      return {
        format: 'factcheck-api',
        records: [],
        errors: [
          {
            file: source,
            record: 'file',
            field: '',
            message: `expected at most ${max} claims, got ${records.length}`,
          },
        ],
        skipped,
      };
    return { format: 'factcheck-api', records, errors: [], skipped };
  }
  const r = parseClaimFile(clean, source, { maxRecords: max });
  const format: FeedFormat =
    r.format === 'jsonl' ? 'jsonl' : isDataFeed(json) ? 'datafeed' : 'claimreview';
  return { format, records: r.records, errors: r.errors, skipped: r.skipped };
}

/** One line per problem, for the feed's row: "item: field: what was expected". */
export function feedProblems(p: ParsedFeed): string[] {
  return [
    ...p.errors.map((e) => {
      const id = e.id !== undefined ? ` (id ${JSON.stringify(e.id)})` : '';
      return `${e.record}${id}: ${e.field !== '' ? `${e.field}: ` : ''}${e.message}`;
    }),
    ...p.skipped.map((s) => `${s.record}: ${s.reason}`),
  ];
}
