import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimReviewId, convertClaimReview } from '../../lib/claims/convert-claimreview';
import { convertAveritec } from '../../lib/claims/convert-averitec';
import { convertPolitiFact } from '../../lib/claims/convert-politifact';
import { convertSnopes } from '../../lib/claims/convert-snopes';
import { ATTRIBUTION } from '../../lib/claims/dataset-rows';
import { readJsonLines, type JsonLine } from '../../lib/claims/read-json-lines';
import { validateRecord } from '../../lib/claims/validate';

const FIX = join(__dirname, '..', 'fixtures', 'claims');
const DATA = join(__dirname, '..', '..', '..', 'shared', 'data');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIX, name), 'utf8'));
const lines = (...rows: unknown[]): JsonLine[] => rows.map((value, i) => ({ line: i + 1, value }));

// Rows as they appear in ../shared/data (checkthat2021-2b).
const PF_ROW = {
  id: 'vclaim-pol-00001',
  text: '"Over the last two years, the number of murders in America and America’s major cities has dropped, unlike here (Chicago), by more than 10%."',
  title: 'Trump ‘dead wrong’ about the change in murders in Chicago',
  date: '2019-10-28',
  factcheck_date: '2019-10-29',
  claimant: 'Donald Trump',
  url: 'https://www.politifact.com/factchecks/2019/oct/29/donald-trump/trump-dead-wrong-about-change-murders-chicago/',
  url_source: 'dataset (relative path + https://www.politifact.com)',
  publisher: 'PolitiFact',
  rating: 'pants-fire',
};

describe('convertClaimReview', () => {
  it('converts an array of real fact checks', () => {
    const { records, skipped } = convertClaimReview(
      fixture('claimreview-valid.json'),
      'valid.json',
    );
    expect(skipped).toEqual([]);
    expect(records.map((r) => [r.verdict, r.rating])).toEqual([
      ['false', 'False'],
      ['false', 'Pants on Fire!'],
      ['misleading', 'Miscaptioned'],
      ['accurate', 'Correct Attribution'],
    ]);
    const [first, , third] = records;
    expect(first).toMatchObject({
      claimant: 'GayDonna Vandergriff',
      claimDate: '2019-10-22',
      reviewed: '2019-10-30',
      // No reviewBody or description: a neutral note from the data.
      note: 'PolitiFact rated this claim "False".',
      sources: [
        {
          publisher: 'PolitiFact',
          title:
            'Vandergriff inaccurately describes bill that would have eased late-term abortion laws',
          url: 'https://www.politifact.com/factchecks/2019/oct/30/gaydonna-vandergriff/vandergriff-inaccurately-describes-bill-would-have/',
          date: '2019-10-30',
        },
      ],
    });
    expect(third?.note).toBe(
      'Critics claimed a viral photograph showed the former vice president "taking a knee" at an October campaign stop in Miami.',
    );
    for (const r of records)
      expect(validateRecord(r, { file: 'x', record: 'y' }).errors).toEqual([]);
  });

  it('converts a single item and an @graph the same way', () => {
    const items = fixture('claimreview-valid.json') as unknown[];
    const single = convertClaimReview(items[0], 'one.json');
    const graph = convertClaimReview(
      { '@context': 'https://schema.org', '@graph': items },
      'graph.json',
    );
    expect(single.records).toHaveLength(1);
    expect(graph.records).toHaveLength(4);
    expect(graph.records[0]).toEqual(single.records[0]);
  });

  it('converts a Data Commons DataFeed and reports bad items by path', () => {
    const { records, skipped } = convertClaimReview(fixture('datafeed.json'), 'feed.json');
    expect(records.map((r) => r.sources[0]?.publisher)).toEqual(['PolitiFact', 'Snopes']);
    expect(records[0]).toMatchObject({
      verdict: 'false',
      rating: 'False',
      claimant: 'Instagram posts',
    });
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatchObject({ record: 'dataFeedElement[0].item[1]' });
    expect(skipped[0]?.reason).toMatch(/Full Flop.*not a truth rating|Flip-O-Meter/);
    expect(skipped[1]).toMatchObject({ record: 'dataFeedElement[1].item[1]' });
    expect(skipped[1]?.reason).toMatch(
      /sources\[0\]\.url: expected an https: URL, got "http:\/\/newsmobile\.in/,
    );
  });

  it('skips and reports every bad item, keeping none of them', () => {
    const { records, skipped } = convertClaimReview(fixture('claimreview-bad.json'), 'bad.json');
    expect(records).toEqual([]);
    expect(skipped.map((s) => s.record)).toEqual([
      '@graph[1]',
      '@graph[2]',
      '@graph[3]',
      '@graph[4]',
      '@graph[5]',
    ]);
    const reasons = skipped.map((s) => s.reason);
    expect(reasons[0]).toBe('claimReviewed: missing');
    expect(reasons[1]).toMatch(/expected an https: URL, got "javascript:alert\(1\)"/);
    expect(reasons[2]).toMatch(/datePublished: expected an ISO date, got "October 12, 2020"/);
    expect(reasons[3]).toMatch(/ratingValue 3 \(best 7, worst 1\) is not unambiguous/);
    expect(reasons[4]).toMatch(/rating "Wobbly" has no mapping/);
  });

  it('maps a numeric rating only where unambiguous', () => {
    const item = {
      '@type': 'ClaimReview',
      url: 'https://www.politifact.com/factchecks/2019/oct/29/instagram-posts/instagram-post-falsely-says-flu-shot-causes-fetal-/',
      claimReviewed: 'Says there is a 4,250% increase in fetal death from the flu shot.',
      datePublished: '2019-10-29T14:00:00-04:00',
      author: { name: 'PolitiFact' },
      reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1 },
    };
    const { records } = convertClaimReview(item, 'x.json');
    expect(records[0]).toMatchObject({
      verdict: 'false',
      rating: '1 of 5',
      reviewed: '2019-10-29',
    });
    // No headline: the link is labelled by its publisher, not given an invented title.
    expect(records[0]?.sources[0]?.title).toBe('Fact check by PolitiFact');
  });

  it('falls back to an unambiguous number only when the rating text is unknown', () => {
    const base = {
      '@type': 'ClaimReview',
      url: 'https://www.politifact.com/factchecks/2019/oct/15/ghazala-hashmi/ghazela-hashmi-u-turns-call-gov-northams-resignati/',
      claimReviewed: 'On whether Gov. Ralph Northam should resign.',
      datePublished: '2019-10-15',
      author: { name: 'PolitiFact' },
    };
    const unknownText = convertClaimReview(
      {
        ...base,
        reviewRating: { alternateName: 'Wobbly', ratingValue: 1, bestRating: 5, worstRating: 1 },
      },
      'x.json',
    );
    expect(unknownText.records[0]).toMatchObject({ verdict: 'false', rating: 'Wobbly' });
    // "Full Flop" is known and deliberately left out: a number does not bring it back.
    const leftOut = convertClaimReview(
      {
        ...base,
        reviewRating: { alternateName: 'Full Flop', ratingValue: 1, bestRating: 5, worstRating: 1 },
      },
      'x.json',
    );
    expect(leftOut.records).toEqual([]);
    expect(leftOut.skipped[0]?.reason).toMatch(/Full Flop.*left out/);
  });

  it('reports a file with no ClaimReview at all', () => {
    expect(convertClaimReview({ '@type': 'WebPage' }, 'page.json').skipped).toEqual([
      { record: 'page.json', reason: 'no ClaimReview items found' },
    ]);
  });

  it('clips a long review body to whole sentences', () => {
    const items = fixture('claimreview-valid.json') as Record<string, unknown>[];
    const body = Array.from(
      { length: 6 },
      (_, i) => `Sentence number ${i + 1} of the review.`,
    ).join(' ');
    const { records } = convertClaimReview({ ...items[0], reviewBody: body }, 'x.json');
    expect(records[0]?.note).toBe(
      'Sentence number 1 of the review. Sentence number 2 of the review. Sentence number 3 of the review.',
    );
  });

  it('gives stable, distinct ids per url and claim', () => {
    const url = 'https://www.snopes.com/fact-check/biden-kneel-national-anthem/';
    expect(claimReviewId(url, 'a')).toBe(claimReviewId(url, 'a'));
    expect(claimReviewId(url, 'a')).not.toBe(claimReviewId(url, 'b'));
    expect(claimReviewId(url, 'a')).toMatch(/^biden-kneel-national-anthem-[0-9a-z]{7}$/);
    // One article reviewing the same claim twice: the second is a duplicate.
    const items = fixture('claimreview-valid.json') as unknown[];
    const { records, skipped } = convertClaimReview([items[0], items[0]], 'dup.json');
    expect(records).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ record: '[1]', reason: expect.stringMatching(/duplicate/) });
  });
});

describe('convertPolitiFact', () => {
  it('converts a row of checkthat2021-2b', () => {
    const { records, skipped } = convertPolitiFact(lines(PF_ROW), 'pf.jsonl');
    expect(skipped).toEqual([]);
    expect(records[0]).toEqual({
      id: 'pf-00001',
      claim: PF_ROW.text,
      claimant: 'Donald Trump',
      claimDate: '2019-10-28',
      verdict: 'false',
      rating: 'Pants on Fire!',
      note: PF_ROW.title,
      sources: [
        { publisher: 'PolitiFact', title: PF_ROW.title, url: PF_ROW.url, date: '2019-10-29' },
      ],
      reviewed: '2019-10-29',
      lang: 'en',
      attribution: ATTRIBUTION.politifact,
    });
  });

  it.each([
    ['flip rating', { rating: 'full-flop' }, /Full Flop.*left out/],
    ['URL not from the dataset', { url_source: 'derived:x' }, /not from the dataset/],
    ['no rating', { rating: undefined }, /no rating in the data/],
    ['over-long claim', { text: 'x '.repeat(250) }, /claim: expected at most 400 characters/],
    ['bad id', { id: 'x' }, /unexpected id/],
  ])('skips a row with %s', (_n, change, reason) => {
    const { records, skipped } = convertPolitiFact(lines({ ...PF_ROW, ...change }), 'pf.jsonl');
    expect(records).toEqual([]);
    expect(skipped[0]?.record).toBe('line 1');
    expect(skipped[0]?.reason).toMatch(reason);
  });

  it('removes stray control characters from scraped text', () => {
    const { records } = convertPolitiFact(
      lines({ ...PF_ROW, text: 'A claim. \u0090' }),
      'pf.jsonl',
    );
    expect(records[0]?.claim).toBe('A claim.');
  });
});

describe('convertSnopes', () => {
  const scrape = {
    id: 'biden-kneel-national-anthem',
    claim:
      'An image shared widely in October 2020 showed Joe Biden "taking a knee" in protest, during the playing of the national anthem. ',
    title: 'Did Biden Kneel in Protest During the National Anthem?',
    subtitle:
      'Critics claimed a viral photograph showed the former vice president "taking a knee" at an October campaign stop in Miami. ',
    verdict: 'miscaptioned',
    publisher: 'Snopes',
    url: 'https://www.snopes.com/fact-check/biden-kneel-national-anthem/',
    date: '2020-10-12',
  };
  const files = { scrape: 'snopes.jsonl', checkthat2a: '2a.jsonl' };

  it('converts a scrape row', () => {
    const { records } = convertSnopes(lines(scrape), [], files);
    expect(records[0]).toMatchObject({
      id: 'sn-biden-kneel-national-anthem',
      claim: scrape.claim.trim(),
      verdict: 'misleading',
      rating: 'Miscaptioned',
      note: scrape.subtitle.trim(),
      reviewed: '2020-10-12',
      sources: [{ publisher: 'Snopes', title: scrape.title, url: scrape.url, date: '2020-10-12' }],
      attribution: ATTRIBUTION.snopes,
    });
  });

  it('fills a missing date from a 2a row with a URL from the data, never from a derived one', () => {
    const noDate = { ...scrape, date: undefined };
    const joined = {
      id: 'vclaim-sno-biden-kneel-national-anthem',
      text: 'x',
      date: '2020-10-12',
      url: scrape.url,
      url_source: 'joined:hadyer2/CS598GW-Snopes (slug)',
      rating: 'miscaptioned',
    };
    expect(convertSnopes(lines(noDate), lines(joined), files).records[0]?.reviewed).toBe(
      '2020-10-12',
    );
    const derived = { ...joined, url_source: 'derived:vclaim_id slug' };
    const r = convertSnopes(lines(noDate), lines(derived), files);
    expect(r.records).toEqual([]);
    expect(r.skipped[0]?.reason).toBe('no fact-check date in the data');
  });

  it('adds rated 2a rows missing from the scrape, skips unrated and derived ones', () => {
    const base = {
      text: 'A claim from the CheckThat! data.',
      title: 'A title',
      subtitle: 'A subtitle.',
      date: '2019-03-11',
      publisher: 'Snopes',
    };
    const rows = lines(
      {
        ...base,
        id: 'vclaim-sno-a-b',
        url: 'https://www.snopes.com/fact-check/a-b/',
        url_source: 'joined:CT2022-2A vclaim page_url (same vclaim_id)',
        rating: 'false',
      },
      {
        ...base,
        id: 'vclaim-sno-c-d',
        url: 'https://www.snopes.com/fact-check/c-d/',
        url_source: 'joined:CT2022-2A vclaim page_url (same vclaim_id)',
      },
      {
        ...base,
        id: 'vclaim-sno-e-f',
        url: 'https://www.snopes.com/fact-check/e-f/',
        url_source: 'derived:vclaim_id slug',
        rating: 'false',
      },
    );
    const { records } = convertSnopes([], rows, files);
    expect(records.map((r) => r.id)).toEqual(['sn-a-b']);
  });

  it('skips duplicates and rows without claim text', () => {
    const r = convertSnopes(
      lines(scrape, scrape, {
        ...scrape,
        id: 'x',
        url: 'https://www.snopes.com/fact-check/x/',
        claim: undefined,
      }),
      [],
      files,
    );
    expect(r.records).toHaveLength(1);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'duplicate of snopes.jsonl line 1',
      'no claim text in the data',
    ]);
  });
});

describe('convertAveritec (tests and converter only; CC BY-NC, never bundled)', () => {
  const { lines: rows } = readJsonLines(
    readFileSync(join(DATA, 'averitec-dev', 'claims.jsonl'), 'utf8'),
    'averitec',
  );
  const { records, skipped } = convertAveritec(rows, 'averitec');

  it('converts rows with a dated fact-check URL and skips the rest with reasons', () => {
    expect(records.length + skipped.length).toBe(rows.length);
    expect(records.length).toBeGreaterThan(50);
    const reasons = new Set(skipped.map((s) => s.reason.replace(/"[^"]*"/g, '…')));
    expect([...reasons].some((r) => r.includes('no fact-check date'))).toBe(true);
    expect([...reasons].some((r) => r.includes('expected an https: URL'))).toBe(true);
  });

  it('takes the review date from the URL, the claim date from the data', () => {
    const r = records.find((x) => x.id === 'averitec-dev-0');
    expect(r).toMatchObject({
      verdict: 'false',
      rating: 'Refuted',
      reviewed: '2020-11-03',
      claimDate: '2020-10-31',
    });
    expect(r?.attribution).toBe(ATTRIBUTION.averitec);
  });
});
