import type { ClaimRecord, Source } from '../types';
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
  eachRow(lines, skipped, (value, where) => {
    const num = /^vclaim-pol-(\d+)$/.exec(str(value, 'id') ?? '')?.[1];
    if (num === undefined) {
      skipped.push({ record: where, reason: `unexpected id ${JSON.stringify(value.id)}` });
      return;
    }
    const id = `pf-${num}`;
    if (!(str(value, 'url_source') ?? '').startsWith('dataset')) {
      skipped.push({ record: where, id, reason: 'fact-check URL not from the dataset itself' });
      return;
    }
    const r = rated('PolitiFact', str(value, 'rating'));
    if (!r.ok) {
      skipped.push({ record: where, id, reason: r.reason });
      return;
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
        claimDate: isoDateOrNone(claimDate),
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
  });
  return { records, skipped };
}
