import { isIsoDate } from '../iso-date';
import type { ClaimRecord } from '../types';
import {
  ATTRIBUTION,
  eachRow,
  finish,
  isoDateOrNone,
  neutralNote,
  noteFrom,
  rated,
  str,
} from './dataset-rows';
import type { JsonLine } from './read-json-lines';
import type { ConvertResult, Skipped } from './skipped';

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
  eachRow(lines, skipped, (value, where) => {
    const id = str(value, 'id') ?? '';
    const publisher = str(value, 'publisher') ?? 'AVeriTeC';
    const r = rated('AVeriTeC', str(value, 'verdict'));
    if (!r.ok) {
      skipped.push({ record: where, id, reason: r.reason });
      return;
    }
    const url = str(value, 'url') ?? '';
    const reviewed = dateFromUrl(url);
    if (reviewed === undefined) {
      skipped.push({
        record: where,
        id,
        reason: 'no fact-check date in the data (its date is the claim date)',
      });
      return;
    }
    const claimDate = str(value, 'date');
    finish(
      {
        id,
        claim: str(value, 'claim') ?? '',
        claimant: str(value, 'claimant'),
        claimDate: isoDateOrNone(claimDate),
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
  });
  return { records, skipped };
}
