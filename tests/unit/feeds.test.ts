import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { feedProblems, parseFeed } from '../../lib/feeds/parse-feed';
import { mergeFeed, shrinkProblem } from '../../lib/feeds/merge';
import { describeSummary, isStale, summarize } from '../../lib/feeds/summary';
import { compileClaimSet } from '../../lib/claims/compile-claim-set';
import { openCompiledClaimSet } from '../../lib/claims/claim-set';

const DIR = 'tests/fixtures/feeds';
const read = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');
const CONNERY =
  'https://checkyourfact.com/2020/11/03/fact-check-sean-connery-letter-steve-jobs-apple-1998/';
const PF_URL =
  'https://www.politifact.com/factchecks/2020/oct/30/joe-biden/does-donald-trump-think-15-hour-too-much-essential/';

describe('parseFeed: every format gives the same three claims', () => {
  test.each([
    ['claimreview-array.json', 'claimreview'],
    ['claimreview-graph.json', 'claimreview'],
    ['datafeed.json', 'datafeed'],
    ['factcheck-api.json', 'factcheck-api'],
    ['feed.jsonl', 'jsonl'],
  ])('%s is read as %s', (file, format) => {
    const p = parseFeed(read(file), `https://feeds.example/${file}`);
    expect(p.format).toBe(format);
    expect(feedProblems(p)).toEqual([]);
    expect(p.records.map((r) => r.sources[0]?.url).sort()).toEqual(
      [
        CONNERY,
        'https://checkyourfact.com/2020/09/25/fact-check-nancy-pelosi-employers-cutting-hours-good/',
        PF_URL,
      ].sort(),
    );
    const connery = p.records.find((r) => r.sources[0]?.url === CONNERY);
    expect(connery?.verdict).toBe('false');
    expect(connery?.reviewed).toBe('2020-11-03');
  });

  test('one ClaimReview item', () => {
    const p = parseFeed(read('claimreview-one.json'), 'one.json');
    expect(p.records).toHaveLength(1);
    expect(p.records[0]?.claim).toMatch(/^In a letter to Steve Jobs, Sean Connery/);
  });

  test('ClaimReview ids are stable: the same item in another format gets the same id', () => {
    const a = parseFeed(read('claimreview-array.json'), 'a').records.map((r) => r.id);
    const b = parseFeed(read('datafeed.json'), 'b').records.map((r) => r.id);
    const c = parseFeed(read('factcheck-api.json'), 'c').records.map((r) => r.id);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  test('bad Fact Check Tools reviews are named by their path and field; good ones kept', () => {
    const p = parseFeed(read('factcheck-api-bad.json'), 'bad.json');
    expect(p.records).toHaveLength(1);
    const problems = feedProblems(p);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^claims\[1\]\.claimReview\[0\].*reviewRating/);
    expect(problems[1]).toMatch(/^claims\[2\]\.claimReview\[0\]: url: missing/);
  });

  test.each([
    ['{"claims": [', /not valid JSON|expected one JSON/],
    ['', /empty/],
    ['<html><body>Not found</body></html>', /expected one JSON|not a claim set/],
  ])('a corrupt body (%j) gives no records and an error', (body, message) => {
    const p = parseFeed(body, 'corrupt');
    expect(p.records).toEqual([]);
    expect(feedProblems(p).join('\n')).toMatch(message);
  });

  test('a feed over the record cap is refused whole', () => {
    const p = parseFeed(read('claimreview-200.json'), 'big', { maxRecords: 100 });
    expect(p.records).toEqual([]);
    expect(feedProblems(p).join()).toMatch(/expected at most 100 claims, got \d+/);
  });
});

describe('mergeFeed', () => {
  const v1 = parseFeed(read('update-v1.json'), 'v1').records;
  const v2 = parseFeed(read('update-v2.json'), 'v2').records;

  test('an item whose rating changed replaces the old one (by URL) and says when', () => {
    expect(v1[0]?.id).not.toBe(v2[0]?.id);
    const m = mergeFeed(v1, v2, '2026-12-02');
    expect(m).toMatchObject({ added: 0, removed: 0, updated: 1 });
    expect(m.records).toHaveLength(1);
    expect(m.records[0]?.rating).toBe('Conflicting Evidence/Cherrypicking');
    expect(m.records[0]?.verdictUpdated).toBe('2026-12-02');
    // The next unchanged update keeps saying so.
    const again = mergeFeed(m.records, v2, '2026-12-09');
    expect(again.updated).toBe(0);
    expect(again.records[0]?.verdictUpdated).toBe('2026-12-02');
  });

  test('an unchanged item is not marked updated; new and gone items are counted', () => {
    const three = parseFeed(read('claimreview-array.json'), 'a').records;
    const m = mergeFeed(three.slice(0, 2), three.slice(1), '2026-12-02');
    expect(m).toMatchObject({ added: 1, removed: 1, updated: 0 });
    expect(m.records.every((r) => r.verdictUpdated === undefined)).toBe(true);
  });

  test('verdictUpdated survives compiling and reading a card', () => {
    const m = mergeFeed(v1, v2, '2026-12-02');
    const set = openCompiledClaimSet(compileClaimSet(m.records, { name: 'f', version: '1' }));
    expect(set.claims.getSync(m.records[0]?.id ?? '')?.verdictUpdated).toBe('2026-12-02');
  });

  test.each([
    [100, 49, true],
    [100, 50, false],
    [0, 0, false],
    [3, 3, false],
  ])('shrinking from %i to %i claims is refused: %s', (a, b, refused) => {
    expect(shrinkProblem(a, b) !== null).toBe(refused);
  });
});

describe('set summaries', () => {
  test('publishers, review range and staleness', () => {
    const recs = parseFeed(read('claimreview-200.json'), 'x').records;
    const s = summarize(recs);
    expect(describeSummary(s)).toMatch(
      /^[\w.]+(, [\w. ]+)* and \d+ others, reviewed 20\d\d–20\d\d$/,
    );
    expect(isStale(s, new Date('2026-12-02'))).toBe(true);
    const one = summarize(parseFeed(read('claimreview-one.json'), 'o').records);
    expect(describeSummary(one)).toBe('checkyourfact.com, reviewed 2020');
    expect(isStale(one, new Date('2021-11-01'))).toBe(false);
    expect(isStale(one, new Date('2021-11-04'))).toBe(true);
  });
});
