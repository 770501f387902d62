/**
 * The claim record's schema (DESIGN.md "The claim record"): each field's shape and limits, in
 * zod, with our own messages for the checks zod does not word (dates, URLs, ids, notes).
 */
import { z } from 'zod';
import { isIsoDate } from '../iso-date';
import { safeHttpsUrl } from '../safe-https-url';
import { VERDICTS, type ClaimRecord } from '../types';
import { show } from './claim-error';
import { countSentences } from './clip-sentences';

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

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// BCP 47 in the common shapes: "en", "en-GB", "zh-Hant-TW".
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
// C0/C1 controls (whitespace ones are folded to spaces first) never belong in card text.
const CONTROL = /\p{Cc}/u;

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

export const recordSchema = z.strictObject({
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
  verdictUpdated: isoDate.optional(),
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
