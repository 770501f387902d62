/**
 * JSON Lines as text: one JSON value per line, each with its 1-based line number. Blank lines
 * are skipped (editors add a final one); a line that is not JSON is an error naming its line.
 * The one JSONL reader: claim files, the datasets, the tools' inputs.
 */
import type { ClaimError } from './claim-error';
import { errorMessage } from '../error-message';

export interface JsonLine {
  /** 1-based line number. */
  line: number;
  value: unknown;
}

/** Parses JSON Lines without validating records. */
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
      const why = errorMessage(err);
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
