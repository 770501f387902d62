/**
 * Reading a claim-set file a user imports in the popup: schema.org ClaimReview JSON-LD or
 * Factmark JSONL, told apart by content (not by the file name, which users rename). Pure,
 * and needs no YAML parser, so the popup bundle stays small. The caller shows `counts`,
 * `errors` and `skipped` before the user accepts the set; nothing is stored here.
 */
import { VERDICTS, type ClaimRecord, type Verdict } from '../types';
import { convertClaimReview } from './convert-claimreview';
import { parseJsonl } from './parse-jsonl';
import type { Skipped } from './skipped';
import type { ClaimError } from './claim-error';

/** More claims than this in one import is not a claim set a person curates. */
export const MAX_IMPORT_RECORDS = 50_000;

export type ClaimFileFormat = 'claimreview' | 'jsonl';

export interface ClaimFileCounts {
  /** Valid records found. */
  records: number;
  errors: number;
  skipped: number;
  verdicts: Record<Verdict, number>;
}

export interface ParsedClaimFile {
  format: ClaimFileFormat;
  records: ClaimRecord[];
  /** Invalid records (JSONL) and file-level problems. */
  errors: ClaimError[];
  /** Items a converter left out (ClaimReview), with the reason. */
  skipped: Skipped[];
  counts: ClaimFileCounts;
}

const JSON_LD_KEYS = ['@context', '@type', '@graph', 'claimReviewed', 'dataFeedElement'];

function looksLikeJsonLd(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(looksLikeJsonLd);
  return v !== null && typeof v === 'object' && JSON_LD_KEYS.some((k) => k in v);
}

function detect(text: string): { format: ClaimFileFormat; json?: unknown } {
  const t = text.trimStart();
  if (t.startsWith('[')) return { format: 'claimreview', json: tryParse(t) };
  if (t.startsWith('{')) {
    const whole = tryParse(t);
    // A whole-file JSON object is JSON-LD unless it is a single Factmark record (a one-line JSONL).
    if (whole !== undefined && looksLikeJsonLd(whole))
      return { format: 'claimreview', json: whole };
    if (whole === undefined && !t.includes('\n') && /"@(context|type|graph)"/.test(t))
      return { format: 'claimreview' };
  }
  return { format: 'jsonl' };
}

function tryParse(t: string): unknown {
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function counted(
  format: ClaimFileFormat,
  records: ClaimRecord[],
  errors: ClaimError[],
  skipped: Skipped[],
): ParsedClaimFile {
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of records) verdicts[r.verdict]++;
  return {
    format,
    records,
    errors,
    skipped,
    counts: { records: records.length, errors: errors.length, skipped: skipped.length, verdicts },
  };
}

/** Detects the format, converts or validates, and counts. Never throws on bad content. */
export function parseClaimFile(
  text: string,
  fileName: string,
  opts: { maxRecords?: number } = {},
): ParsedClaimFile {
  const max = opts.maxRecords ?? MAX_IMPORT_RECORDS;
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '')
    return counted(
      'jsonl',
      [],
      [{ file: fileName, record: 'file', field: '', message: 'the file is empty' }],
      [],
    );
  const { format, json } = detect(clean);
  let result: ParsedClaimFile;
  if (format === 'claimreview') {
    if (json === undefined)
      return counted(
        format,
        [],
        [
          {
            file: fileName,
            record: 'file',
            field: '',
            message: 'expected JSON-LD, but the file is not valid JSON',
          },
        ],
        [],
      );
    const { records, skipped } = convertClaimReview(json, fileName);
    result = counted(format, records, [], skipped);
  } else {
    // Count before validating: refusing a huge file should not first cost seconds of work.
    let lines = 0;
    for (const row of clean.split('\n')) if (row.trim() !== '') lines++;
    if (lines > max) return tooMany(format, fileName, lines, [], max);
    const { records, errors } = parseJsonl(clean, fileName);
    if (
      records.length === 0 &&
      errors.length > 0 &&
      errors.every((e) => e.field === '' && e.message.startsWith('expected one JSON'))
    )
      errors.unshift({
        file: fileName,
        record: 'file',
        field: '',
        message:
          'not a claim set: expected ClaimReview JSON-LD or Factmark JSONL (one record per line)',
      });
    result = counted(format, records, errors, []);
  }
  if (result.records.length > max)
    return tooMany(result.format, fileName, result.records.length, result.skipped, max);
  return result;
}

function tooMany(
  format: ClaimFileFormat,
  file: string,
  n: number,
  skipped: Skipped[],
  max: number,
): ParsedClaimFile {
  const message = `expected at most ${max} claims, got ${n}`;
  return counted(format, [], [{ file, record: 'file', field: '', message }], skipped);
}
