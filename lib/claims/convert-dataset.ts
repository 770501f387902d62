/**
 * Converters for the fact-check datasets in ../shared/data (see its README) into Factmark's
 * source form. Every field comes from the data; a row that lacks something we need (a
 * verdict that maps honestly, a fact-check URL from the data, a date) is skipped and
 * reported, never filled in.
 */
import { isIsoDate } from '../iso-date';
import { slugify } from '../text/slugify';
import type { ClaimRecord, Source } from '../types';
import type { JsonLine } from './read-json-lines';
import { mapRating } from './ratings';
import { clipSentences } from './sentences';
import { skippedFromErrors, type ConvertResult, type Skipped } from './skipped';
import { LIMITS, validateRecord } from './validate';

/** Attribution lines shown on the card (licences as stated in ../shared/data/README.md). */
export const ATTRIBUTION = {
  politifact:
    'PolitiFact fact check, via the CLEF CheckThat! 2021 Task 2B dataset (free for general research use).',
  snopes:
    'Snopes fact check, via the CS598GW Snopes scrape (hadyer2/CS598GW-Snopes, no licence stated) and CLEF CheckThat! 2021 Task 2A.',
  averitec: 'Via the AVeriTeC dataset (CC BY-NC 4.0).',
} as const;

export type DatasetKind = 'politifact' | 'snopes' | 'averitec';

type Row = Record<string, unknown>;

function str(row: Row, key: string): string | undefined {
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

function isRow(v: unknown): v is Row {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A neutral note built only from the data, for fact checks without a usable summary. */
export function neutralNote(publisher: string, rating: string): string {
  return `${publisher} rated this claim "${rating}".`;
}

/** The text as a note if it fits the note limits (whole sentences only), else null. */
function noteFrom(text: string | undefined): string | null {
  return text === undefined ? null : clipSentences(text, LIMITS.noteSentences, LIMITS.note);
}

/** Drops absent optional fields so records compare and serialise the same way everywhere. */
function compact(r: ClaimRecord): ClaimRecord {
  return Object.fromEntries(
    Object.entries(r).filter(([, v]) => v !== undefined),
  ) as unknown as ClaimRecord;
}

function finish(
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

function rated(
  publisher: string,
  text: string | undefined,
): { ok: true; verdict: ClaimRecord['verdict']; rating: string } | { ok: false; reason: string } {
  if (text === undefined) return { ok: false, reason: 'no rating in the data' };
  const result = mapRating(publisher, text);
  return result.ok ? { ok: true, ...result.value } : result;
}

/**
 * PolitiFact rows of checkthat2021-2b/claims.jsonl. Only rows whose URL came from the dataset
 * itself (`url_source` "dataset …"); ids follow the lab's numbering (vclaim-pol-00042 -> pf-00042).
 */
export function convertPolitiFact(
  lines: readonly JsonLine[],
  file: string,
): ConvertResult<ClaimRecord> {
  const records: ClaimRecord[] = [];
  const skipped: Skipped[] = [];
  for (const { line, value } of lines) {
    const where = `line ${line}`;
    if (!isRow(value)) {
      skipped.push({ record: where, reason: 'not a JSON object' });
      continue;
    }
    const num = /^vclaim-pol-(\d+)$/.exec(str(value, 'id') ?? '')?.[1];
    if (num === undefined) {
      skipped.push({ record: where, reason: `unexpected id ${JSON.stringify(value.id)}` });
      continue;
    }
    const id = `pf-${num}`;
    if (!(str(value, 'url_source') ?? '').startsWith('dataset')) {
      skipped.push({ record: where, id, reason: 'fact-check URL not from the dataset itself' });
      continue;
    }
    const r = rated('PolitiFact', str(value, 'rating'));
    if (!r.ok) {
      skipped.push({ record: where, id, reason: r.reason });
      continue;
    }
    const title = str(value, 'title') ?? '';
    const reviewed = str(value, 'factcheck_date') ?? '';
    const claimDate = str(value, 'date');
    const source: Source = {
      publisher: 'PolitiFact',
      title,
      url: str(value, 'url') ?? '',
      date: reviewed,
    };
    finish(
      {
        id,
        claim: str(value, 'text') ?? '',
        claimant: str(value, 'claimant'),
        claimDate: claimDate !== undefined && isIsoDate(claimDate) ? claimDate : undefined,
        verdict: r.verdict,
        rating: r.rating,
        // PolitiFact's headline states its finding ("Trump 'dead wrong' about ..."): the note.
        note: noteFrom(title) ?? neutralNote('PolitiFact', r.rating),
        sources: [source],
        reviewed,
        lang: 'en',
        attribution: ATTRIBUTION.politifact,
      },
      where,
      file,
      records,
      skipped,
    );
  }
  return { records, skipped };
}

/** Snopes slugs are its own ids; a few use "_", which our slugs do not allow. */
function snopesId(slug: string): string {
  return `sn-${slugify(slug)}`;
}

/**
 * Snopes fact checks: snopes/claims.jsonl (the scrape: verdict, url, title, subtitle, date),
 * completed from checkthat2021-2a/claims.jsonl where the scrape lacks the claim text or the
 * date, and extended by 2a rows that carry a rating and a URL from the data. 2a rows whose
 * URL was only derived from the id (`url_source` "derived:…") are never used.
 */
export function convertSnopes(
  scrape: readonly JsonLine[],
  checkthat2a: readonly JsonLine[],
  files: { scrape: string; checkthat2a: string },
): ConvertResult<ClaimRecord> {
  const records: ClaimRecord[] = [];
  const skipped: Skipped[] = [];
  const fromData = new Map<string, { line: number; row: Row }>();
  for (const { line, value } of checkthat2a) {
    if (!isRow(value)) continue;
    const url = str(value, 'url');
    const src = str(value, 'url_source') ?? '';
    if (url !== undefined && src !== '' && !src.startsWith('derived'))
      fromData.set(url, { line, row: value });
  }
  const seenUrl = new Set<string>();
  const seenId = new Map<string, string>();

  const convert = (row: Row, where: string, file: string, extra: Row | undefined): void => {
    const url = str(row, 'url') ?? '';
    const slug = str(row, 'id')?.replace(/^vclaim-sno-/, '') ?? '';
    const id = snopesId(slug);
    const first = seenId.get(id);
    if (seenUrl.has(url) || first !== undefined) {
      skipped.push({ record: where, id, reason: `duplicate of ${first ?? url}` });
      return;
    }
    const verdictText =
      str(row, 'verdict') ?? str(row, 'rating') ?? (extra && str(extra, 'rating'));
    const r = rated('Snopes', verdictText);
    if (!r.ok) {
      skipped.push({ record: where, id, reason: r.reason });
      return;
    }
    const claim = str(row, 'claim') ?? str(row, 'text') ?? (extra && str(extra, 'text'));
    const date = [str(row, 'date'), extra && str(extra, 'date')].find(
      (d) => d !== undefined && isIsoDate(d),
    );
    if (claim === undefined) {
      skipped.push({ record: where, id, reason: 'no claim text in the data' });
      return;
    }
    if (date === undefined) {
      skipped.push({ record: where, id, reason: 'no fact-check date in the data' });
      return;
    }
    seenUrl.add(url);
    seenId.set(id, where);
    finish(
      {
        id,
        claim,
        verdict: r.verdict,
        rating: r.rating,
        // Snopes's subtitle is its one-line summary of the story.
        note:
          noteFrom(str(row, 'subtitle') ?? (extra && str(extra, 'subtitle'))) ??
          neutralNote('Snopes', r.rating),
        sources: [{ publisher: 'Snopes', title: str(row, 'title') ?? '', url, date }],
        reviewed: date,
        lang: 'en',
        attribution: ATTRIBUTION.snopes,
      },
      where,
      file,
      records,
      skipped,
    );
  };

  const inScrape = new Set<string>();
  for (const { line, value } of scrape) {
    if (isRow(value)) inScrape.add(str(value, 'url') ?? '');
    if (!isRow(value)) {
      skipped.push({ record: `${files.scrape} line ${line}`, reason: 'not a JSON object' });
      continue;
    }
    convert(
      value,
      `${files.scrape} line ${line}`,
      files.scrape,
      fromData.get(str(value, 'url') ?? '')?.row,
    );
  }
  for (const [url, { line, row }] of fromData) {
    if (inScrape.has(url) || str(row, 'rating') === undefined) continue;
    convert(row, `${files.checkthat2a} line ${line}`, files.checkthat2a, undefined);
  }
  return { records, skipped };
}

/** "/2020/11/03/" or "/2019/10/" in a fact-check URL: the only review date AVeriTeC gives. */
function dateFromUrl(url: string): string | undefined {
  const m = /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(?:([0-2]\d|3[01])\/)?/.exec(url);
  if (!m) return undefined;
  const d = m[3] !== undefined ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  return isIsoDate(d) ? d : undefined;
}

/**
 * AVeriTeC dev claims (CC BY-NC 4.0: used for tests and the converter, never bundled). Its
 * `date` is the claim's date, so the review date is taken from the fact-check URL where it
 * has one; rows without one are skipped rather than dated by guess.
 */
export function convertAveritec(
  lines: readonly JsonLine[],
  file: string,
): ConvertResult<ClaimRecord> {
  const records: ClaimRecord[] = [];
  const skipped: Skipped[] = [];
  for (const { line, value } of lines) {
    const where = `line ${line}`;
    if (!isRow(value)) {
      skipped.push({ record: where, reason: 'not a JSON object' });
      continue;
    }
    const id = str(value, 'id') ?? '';
    const publisher = str(value, 'publisher') ?? 'AVeriTeC';
    const r = rated('AVeriTeC', str(value, 'verdict'));
    if (!r.ok) {
      skipped.push({ record: where, id, reason: r.reason });
      continue;
    }
    const url = str(value, 'url') ?? '';
    const reviewed = dateFromUrl(url);
    if (reviewed === undefined) {
      skipped.push({
        record: where,
        id,
        reason: 'no fact-check date in the data (its date is the claim date)',
      });
      continue;
    }
    const claimDate = str(value, 'date');
    finish(
      {
        id,
        claim: str(value, 'claim') ?? '',
        claimant: str(value, 'claimant'),
        claimDate: claimDate !== undefined && isIsoDate(claimDate) ? claimDate : undefined,
        verdict: r.verdict,
        rating: r.rating,
        note: noteFrom(str(value, 'justification')) ?? neutralNote('AVeriTeC annotators', r.rating),
        // The dataset has no headline: the link is labelled by its publisher, not given a title.
        sources: [{ publisher, title: `Fact check by ${publisher}`, url, date: reviewed }],
        reviewed,
        lang: 'en',
        attribution: ATTRIBUTION.averitec,
      },
      where,
      file,
      records,
      skipped,
    );
  }
  return { records, skipped };
}
