import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_RECORDS, parseClaimFile } from '../../lib/claims/import';
import { formatError } from '../../lib/claims/claim-error';

const FIX = join(__dirname, '..', 'fixtures', 'claims');
const read = (name: string) => readFileSync(join(FIX, name), 'utf8');

describe('parseClaimFile', () => {
  it('detects ClaimReview JSON-LD (array)', () => {
    const r = parseClaimFile(read('claimreview-valid.json'), 'checks.json');
    expect(r.format).toBe('claimreview');
    expect(r.counts).toMatchObject({ records: 4, errors: 0, skipped: 0 });
    expect(r.counts.verdicts).toEqual({
      accurate: 1,
      'mostly-accurate': 0,
      'needs-context': 0,
      misleading: 1,
      false: 2,
      unproven: 0,
    });
  });

  it('detects a DataFeed, whatever the file is called', () => {
    const r = parseClaimFile(read('datafeed.json'), 'feed.jsonl');
    expect(r.format).toBe('claimreview');
    expect(r.counts).toMatchObject({ records: 2, skipped: 2 });
  });

  it('detects Factmark JSONL', () => {
    const r = parseClaimFile(read('good.jsonl'), 'good.json');
    expect(r.format).toBe('jsonl');
    expect(r.records.map((x) => x.id)).toEqual(['pf-00000', 'sn-jane-fonda-covid-gods-gift']);
    expect(r.errors).toEqual([]);
  });

  it('treats a one-line Factmark file as JSONL, not JSON-LD', () => {
    const line = read('good.jsonl').split('\n')[0] ?? '';
    const r = parseClaimFile(line, 'one.jsonl');
    expect(r.format).toBe('jsonl');
    expect(r.counts.records).toBe(1);
  });

  it('reports every bad JSONL line by number and keeps the good ones', () => {
    const r = parseClaimFile(read('bad.jsonl'), 'bad.jsonl');
    expect(r.format).toBe('jsonl');
    expect(r.records.map((x) => x.id)).toEqual(['pf-00000', 'sn-jane-fonda-covid-gods-gift']);
    expect(r.errors.map((e) => [e.record, e.field])).toEqual([
      ['line 2', ''],
      ['line 3', 'sources[0].url'],
      ['line 4', 'sources[0].url'],
      ['line 5', 'reviewed'],
      ['line 6', 'verdict'],
      ['line 7', 'note'],
      ['line 8', 'claim'],
      ['line 9', 'id'],
      ['line 10', 'id'],
      ['line 11', 'sorces'],
      ['line 12', 'note'],
    ]);
    expect(formatError(r.errors[3] ?? { file: '', record: '', field: '', message: '' })).toBe(
      'bad.jsonl: line 5 (id "bad-date"): reviewed: expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got "2020-02-30"',
    );
    expect(r.counts).toMatchObject({ records: 2, errors: 11 });
  });

  it.each([
    ['', /the file is empty/],
    ['not a claim set at all', /not a claim set/],
    ['[{"@type": "ClaimReview",', /not valid JSON/],
  ])('explains a file that is not a claim set: %j', (text, message) => {
    const r = parseClaimFile(text, 'x.txt');
    expect(r.records).toEqual([]);
    expect(r.errors[0]?.message).toMatch(message);
  });

  it('refuses more claims than an import may hold', () => {
    const line = read('good.jsonl').split('\n')[0] ?? '';
    const many = Array.from({ length: MAX_IMPORT_RECORDS + 1 }, (_, i) =>
      line.replace('"pf-00000"', `"c-${i}"`),
    ).join('\n');
    const r = parseClaimFile(many, 'big.jsonl');
    expect(r.records).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/at most 50000 claims/);
  });
});
