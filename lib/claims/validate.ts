/**
 * Validation of claim records (DESIGN.md "The claim record"): a raw value from a source file,
 * a converter or an import becomes a ClaimRecord, or a list of errors that each name the
 * file, the record, the field and what was expected. Pure: runs in Node, the service worker
 * and the popup. The shape is record-schema.ts; this file turns zod's issues into our messages.
 */
import type { z } from 'zod';
import type { ClaimRecord } from '../types';
import { show, type ClaimError } from './claim-error';
import { recordSchema } from './record-schema';

/** Where a raw record came from, for error messages. */
export interface RecordRef {
  file: string;
  /** "line 12" for JSONL, "record 3" (1-based) otherwise. */
  record: string;
}

export interface ValidationResult {
  record: ClaimRecord | null;
  errors: ClaimError[];
}

const KNOWN_FIELDS = Object.keys(recordSchema.shape).join(', ');

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function describeType(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'an object';
  return `a ${expected}`;
}

/** Turns one zod issue into our messages (an unrecognized_keys issue names several fields). */
function toErrors(
  issue: z.core.$ZodIssue,
  raw: unknown,
  base: Omit<ClaimError, 'field' | 'message'>,
): ClaimError[] {
  const got = valueAt(raw, issue.path);
  const field = fieldPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (typeof got === 'boolean' && issue.expected === 'string')
        return [
          {
            ...base,
            field,
            message: `expected a string, got boolean ${String(got)} (in YAML write "${String(got)}" in quotes)`,
          },
        ];
      if (got === undefined)
        return [
          {
            ...base,
            field,
            message: `required field is missing (expected ${describeType(issue.expected)})`,
          },
        ];
      return [
        { ...base, field, message: `expected ${describeType(issue.expected)}, got ${show(got)}` },
      ];
    case 'invalid_value': {
      const expected = `one of ${issue.values.map((v) => String(v)).join(', ')}`;
      if (got === undefined)
        return [{ ...base, field, message: `required field is missing (expected ${expected})` }];
      // YAML reads an unquoted `false` as a boolean: say how to write the verdict.
      const hint = typeof got === 'boolean' ? ` (in YAML write "${String(got)}" in quotes)` : '';
      return [{ ...base, field, message: `expected ${expected}; got ${show(got)}${hint}` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        ...base,
        field: fieldPath([...issue.path, key]),
        message:
          issue.path.length === 0
            ? `unknown field (known fields: ${KNOWN_FIELDS})`
            : 'unknown field (expected publisher, title, url, date)',
      }));
    case 'too_small':
      return [
        {
          ...base,
          field,
          message: `expected at least ${String(issue.minimum)} item(s), got ${Array.isArray(got) ? got.length : 0}`,
        },
      ];
    case 'too_big':
      return [
        {
          ...base,
          field,
          message: `expected at most ${String(issue.maximum)} items, got ${Array.isArray(got) ? got.length : '?'}`,
        },
      ];
    default:
      return [{ ...base, field, message: issue.message }];
  }
}

/** Validates one raw record. Every problem is reported, not only the first. */
export function validateRecord(raw: unknown, ref: RecordRef): ValidationResult {
  const rawId = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  const base: Omit<ClaimError, 'field' | 'message'> = { file: ref.file, record: ref.record };
  if (typeof rawId === 'string' && rawId !== '') base.id = rawId;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      record: null,
      errors: [{ ...base, field: '', message: `expected a record (an object), got ${show(raw)}` }],
    };
  }
  const parsed = recordSchema.safeParse(raw);
  if (parsed.success) return { record: parsed.data, errors: [] };
  return { record: null, errors: parsed.error.issues.flatMap((i) => toErrors(i, raw, base)) };
}

export interface RawEntry {
  raw: unknown;
  ref: RecordRef;
}

/**
 * Validates a whole set (every file of it): each record, then ids unique across the set. A
 * duplicate is reported at every later occurrence, naming where the id was first used.
 */
export function validateRecords(entries: readonly RawEntry[]): {
  records: ClaimRecord[];
  errors: ClaimError[];
} {
  const records: ClaimRecord[] = [];
  const errors: ClaimError[] = [];
  const firstSeen = new Map<string, RecordRef>();
  for (const { raw, ref } of entries) {
    const result = validateRecord(raw, ref);
    errors.push(...result.errors);
    if (!result.record) continue;
    const id = result.record.id;
    const first = firstSeen.get(id);
    if (first) {
      const where = first.file === ref.file ? first.record : `${first.file} ${first.record}`;
      errors.push({
        file: ref.file,
        record: ref.record,
        id,
        field: 'id',
        message: `duplicate id, first used at ${where}`,
      });
      continue;
    }
    firstSeen.set(id, ref);
    records.push(result.record);
  }
  return { records, errors };
}
