/**
 * Factmark JSONL: one ClaimRecord per line (the source form, DESIGN.md). Errors carry line
 * numbers; blank lines are allowed (editors add a final one).
 */
import type { ClaimRecord } from '../types';
import { readJsonLines } from './read-json-lines';
import type { ClaimError } from './claim-error';
import { validateRecords, type RawEntry } from './validate';

/** Parses and validates a Factmark JSONL file (duplicate ids within it included). */
export function parseJsonl(
  text: string,
  file: string,
): { records: ClaimRecord[]; errors: ClaimError[] } {
  const { lines, errors } = readJsonLines(text, file);
  const entries: RawEntry[] = lines.map(({ line, value }) => ({
    raw: value,
    ref: { file, record: `line ${line}` },
  }));
  const result = validateRecords(entries);
  return { records: result.records, errors: [...errors, ...result.errors] };
}
