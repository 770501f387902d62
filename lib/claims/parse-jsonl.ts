/**
 * Factmark JSONL: one ClaimRecord per line (the source form, DESIGN.md). Errors carry line
 * numbers; blank lines are allowed (editors add a final one).
 */
import type { ClaimRecord } from '../types';
import { validateRecords, type ClaimError, type RawEntry } from './validate';

export interface JsonLine {
  /** 1-based line number. */
  line: number;
  value: unknown;
}

/** Parses JSON Lines without validating records; a line that is not JSON is an error. */
export function readJsonLines(
  text: string,
  file: string,
): { lines: JsonLine[]; errors: ClaimError[] } {
  const lines: JsonLine[] = [];
  const errors: ClaimError[] = [];
  // A byte-order mark would make the first line invalid JSON.
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  rows.forEach((row, i) => {
    if (row.trim() === '') return;
    try {
      lines.push({ line: i + 1, value: JSON.parse(row) as unknown });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      errors.push({
        file,
        record: `line ${i + 1}`,
        field: '',
        message: `expected one JSON object per line: ${why}`,
      });
    }
  });
  return { lines, errors };
}

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
