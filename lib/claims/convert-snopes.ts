import { isIsoDate } from '../iso-date';
import { slugify } from '../text/slugify';
import type { ClaimRecord } from '../types';
import {
  ATTRIBUTION,
  finish,
  isRow,
  neutralNote,
  noteFrom,
  rated,
  str,
  type Row,
} from './dataset-rows';
import type { JsonLine } from './read-json-lines';
import type { ConvertResult, Skipped } from './skipped';

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
