/**
 * What the dataset converters (convert-politifact.ts, convert-snopes.ts, convert-averitec.ts)
 * share: reading a row's fields as card text, mapping its rating, and validating the record
 * it becomes. Every field comes from the data; a row that lacks something we need (a verdict
 * that maps honestly, a fact-check URL from the data, a date) is skipped and reported, never
 * filled in.
 */
import { isIsoDate } from '../iso-date';
import type { ClaimRecord } from '../types';
import type { JsonLine } from './read-json-lines';
import { mapRating } from './ratings';
import { LIMITS } from './record-schema';
import { clipSentences } from './clip-sentences';
import { skippedFromErrors, type Skipped } from './skipped';
import { validateRecord } from './validate';

/** Attribution lines shown on the card (licences as stated in ../shared/data/README.md). */
export const ATTRIBUTION = {
  politifact:
    'PolitiFact fact check, via the CLEF CheckThat! 2021 Task 2B dataset (free for general research use).',
  snopes:
    'Snopes fact check, via the CS598GW Snopes scrape (hadyer2/CS598GW-Snopes, no licence stated) and CLEF CheckThat! 2021 Task 2A.',
  averitec: 'Via the AVeriTeC dataset (CC BY-NC 4.0).',
} as const;

export type DatasetKind = 'politifact' | 'snopes' | 'averitec';

export type Row = Record<string, unknown>;

/** A field as card text: a non-empty string with control characters and runs of space folded. */
export function str(row: Row, key: string): string | undefined {
  const v = row[key];
  if (typeof v !== 'string') return undefined;
  // Scraped text has a few stray control characters (mojibake such as U+0090); they carry
  // no meaning, and the validator rejects them in card text.
  const t = v
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return t === '' ? undefined : t;
}

export function isRow(v: unknown): v is Row {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A neutral note built only from the data, for fact checks without a usable summary. */
export function neutralNote(publisher: string, rating: string): string {
  return `${publisher} rated this claim "${rating}".`;
}

/** The text as a note if it fits the note limits (whole sentences only), else null. */
export function noteFrom(text: string | undefined): string | null {
  return text === undefined ? null : clipSentences(text, LIMITS.noteSentences, LIMITS.note);
}

/** Drops absent optional fields so records compare and serialise the same way everywhere. */
function compact(r: ClaimRecord): ClaimRecord {
  return Object.fromEntries(
    Object.entries(r).filter(([, v]) => v !== undefined),
  ) as unknown as ClaimRecord;
}

/** Validates a converted record: kept if valid, else reported as skipped with its errors. */
export function finish(
  raw: ClaimRecord,
  record: string,
  file: string,
  out: ClaimRecord[],
  skipped: Skipped[],
): void {
  const result = validateRecord(compact(raw), { file, record });
  if (result.record) out.push(result.record);
  else skipped.push(skippedFromErrors(record, result.errors));
}

/** The publisher's rating mapped to a verdict, or why it cannot be. */
export function rated(
  publisher: string,
  text: string | undefined,
): { ok: true; verdict: ClaimRecord['verdict']; rating: string } | { ok: false; reason: string } {
  if (text === undefined) return { ok: false, reason: 'no rating in the data' };
  const result = mapRating(publisher, text);
  return result.ok ? { ok: true, ...result.value } : result;
}

/** The value if it is an ISO date, else none (a claim date the data gives in another form). */
export function isoDateOrNone(v: string | undefined): string | undefined {
  return v !== undefined && isIsoDate(v) ? v : undefined;
}

/** Calls `convert` for each line that is a JSON object; reports the others as skipped. */
export function eachRow(
  lines: readonly JsonLine[],
  skipped: Skipped[],
  convert: (row: Row, where: string) => void,
): void {
  for (const { line, value } of lines) {
    const where = `line ${line}`;
    if (isRow(value)) convert(value, where);
    else skipped.push({ record: where, reason: 'not a JSON object' });
  }
}
