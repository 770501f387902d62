/**
 * Validation of claim records (DESIGN.md "The claim record"): a raw value from a source file,
 * a converter or an import becomes a ClaimRecord, or a list of errors that each name the
 * file, the record, the field and what was expected. Pure: runs in Node, the service worker
 * and the popup.
 *
 * zod checks the shape; the messages are our own, because a person fixing a YAML file needs
 * "expected an https: URL, got "http://…"", not zod's generic wording.
 */
import { z } from 'zod';
import { VERDICTS, type ClaimRecord } from '../types';
import { isIsoDate } from '../iso-date';
import { safeHttpsUrl } from '../safe-https-url';
import { countSentences } from './sentences';

/** Limits on text, chosen so a note card stays readable and a claim stays matchable. */
export const LIMITS = {
  /** Ids are slugs, short enough to read in logs and settings. */
  id: 120,
  /** The claim as checked: one statement. Longer text is a paragraph, not a claim. */
  claim: 400,
  phrasing: 400,
  phrasings: 20,
  claimant: 160,
  /** A publisher's rating label ("Pants on Fire!", "Correct Attribution"). */
  rating: 60,
  /** The note: 1–3 sentences (DESIGN.md) and at most 600 characters. */
  note: 600,
  noteSentences: 3,
  sources: 10,
  publisher: 120,
  title: 300,
  url: 2048,
  topics: 12,
  topic: 60,
  attribution: 300,
} as const;

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

/** `data/claims/seed.yaml: record 3 (id "x"): sources[1].url: expected an https: URL, got "http://…"` */
export function formatError(e: ClaimError): string {
  const id = e.id !== undefined ? ` (id ${JSON.stringify(e.id)})` : '';
  const field = e.field !== '' ? `${e.field}: ` : '';
  return `${e.file}: ${e.record}${id}: ${field}${e.message}`;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// BCP 47 in the common shapes: "en", "en-GB", "zh-Hant-TW".
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
// C0/C1 controls (whitespace ones are folded to spaces first) never belong in card text.
const CONTROL = /\p{Cc}/u;

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Whitespace folded to single spaces: YAML block scalars and scraped text carry newlines. */
function text(max: number, what = 'characters') {
  return z
    .string()
    .transform((s) => s.replace(/\s+/gu, ' ').trim())
    .check((ctx) => {
      const s = ctx.value;
      if (s === '')
        ctx.issues.push({
          code: 'custom',
          input: s,
          message: 'expected text, got an empty string',
        });
      else if (CONTROL.test(s))
        ctx.issues.push({ code: 'custom', input: s, message: 'contains a control character' });
      else if (s.length > max)
        ctx.issues.push({
          code: 'custom',
          input: s,
          message: `expected at most ${max} ${what}, got ${s.length}`,
        });
    });
}

const isoDate = z.string().check((ctx) => {
  if (!isIsoDate(ctx.value))
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got ${show(ctx.value)}`,
    });
});

const httpsUrl = z.string().check((ctx) => {
  if (ctx.value.length > LIMITS.url)
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `expected at most ${LIMITS.url} characters`,
    });
  else if (safeHttpsUrl(ctx.value) === null)
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `expected an https: URL, got ${show(ctx.value)}`,
    });
});

const slug = z.string().check((ctx) => {
  const s = ctx.value;
  if (s.length > LIMITS.id)
    ctx.issues.push({
      code: 'custom',
      input: s,
      message: `expected at most ${LIMITS.id} characters, got ${s.length}`,
    });
  else if (!SLUG.test(s))
    ctx.issues.push({
      code: 'custom',
      input: s,
      message: `expected a slug (lower-case letters, digits and single hyphens), got ${show(s)}`,
    });
});

const note = text(LIMITS.note).check((ctx) => {
  const n = countSentences(ctx.value);
  if (n > LIMITS.noteSentences)
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `expected at most ${LIMITS.noteSentences} sentences, got ${n}`,
    });
});

const sourceSchema = z.strictObject({
  publisher: text(LIMITS.publisher),
  title: text(LIMITS.title),
  url: httpsUrl,
  date: isoDate,
});

const recordSchema = z.strictObject({
  id: slug,
  claim: text(LIMITS.claim),
  phrasings: z.array(text(LIMITS.phrasing)).max(LIMITS.phrasings).optional(),
  claimant: text(LIMITS.claimant).optional(),
  claimDate: isoDate.optional(),
  verdict: z.enum(VERDICTS),
  rating: text(LIMITS.rating).optional(),
  note,
  sources: z.array(sourceSchema).min(1).max(LIMITS.sources),
  reviewed: isoDate,
  topics: z.array(text(LIMITS.topic)).max(LIMITS.topics).optional(),
  lang: z
    .string()
    .check((ctx) => {
      if (!LANG.test(ctx.value))
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `expected a language tag such as "en" or "en-GB", got ${show(ctx.value)}`,
        });
    })
    .optional(),
  attribution: text(LIMITS.attribution).optional(),
});

// Compile-time check that the schema and the shared type agree in both directions.
type Parsed = z.output<typeof recordSchema>;
const _toRecord = (p: Parsed): ClaimRecord => p;
const _toParsed = (r: ClaimRecord): Parsed => r;
void _toRecord;
void _toParsed;

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
