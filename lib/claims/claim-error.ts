/**
 * One problem with one claim record, said so a person fixing a YAML file can act on it:
 * "expected an https: URL, got "http://…"", never zod's generic wording.
 */

/** One problem with one field of one record. `record` is "line 12" (JSONL) or "record 3". */
export interface ClaimError {
  file: string;
  record: string;
  /** The record's id when it has a readable one. */
  id?: string;
  /** Path of the field, e.g. `sources[1].url`; empty for the record as a whole. */
  field: string;
  message: string;
}

/** `data/claims/seed.yaml: record 3 (id "x"): sources[1].url: expected an https: URL, got "http://…"` */
export function formatError(e: ClaimError): string {
  const id = e.id !== undefined ? ` (id ${JSON.stringify(e.id)})` : '';
  const field = e.field !== '' ? `${e.field}: ` : '';
  return `${e.file}: ${e.record}${id}: ${field}${e.message}`;
}

/** A value as a message quotes it: strings in quotes (long ones cut), other kinds by name. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
