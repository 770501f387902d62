import { describe, expect, it } from 'vitest';
import { countSentences, clipSentences } from '../../lib/claims/clip-sentences';
import { formatError, type ClaimError } from '../../lib/claims/claim-error';
import { validateRecord, validateRecords } from '../../lib/claims/validate';
import { isIsoDate } from '../../lib/iso-date';
import type { ClaimRecord } from '../../lib/types';

/** A real fact check (checkthat2021-2b vclaim-pol-00000) in source form. */
const VALID: ClaimRecord = {
  id: 'pf-00000',
  claim:
    'Schuyler VanValkenburg co-sponsored a bill that would have "allowed abortion until the moment of birth."',
  claimant: 'GayDonna Vandergriff',
  claimDate: '2019-10-22',
  verdict: 'false',
  rating: 'False',
  note: 'Vandergriff inaccurately describes bill that would have eased late-term abortion laws',
  sources: [
    {
      publisher: 'PolitiFact',
      title:
        'Vandergriff inaccurately describes bill that would have eased late-term abortion laws',
      url: 'https://www.politifact.com/factchecks/2019/oct/30/gaydonna-vandergriff/vandergriff-inaccurately-describes-bill-would-have/',
      date: '2019-10-30',
    },
  ],
  reviewed: '2019-10-30',
};

const REF = { file: 'data/claims/seed.yaml', record: 'record 3' };

function withChange(change: (r: Record<string, unknown>) => void): unknown {
  const r = structuredClone(VALID) as unknown as Record<string, unknown>;
  change(r);
  return r;
}

function source(r: Record<string, unknown>, i = 0): Record<string, unknown> {
  return (r.sources as Record<string, unknown>[])[i] as Record<string, unknown>;
}

describe('validateRecord', () => {
  it('accepts a valid record unchanged', () => {
    expect(validateRecord(VALID, REF)).toEqual({ record: VALID, errors: [] });
  });

  it('folds whitespace (YAML block scalars) and trims', () => {
    const r = validateRecord(
      { ...VALID, claim: '  Schuyler\n  VanValkenburg  co-sponsored a bill. ' },
      REF,
    );
    expect(r.record?.claim).toBe('Schuyler VanValkenburg co-sponsored a bill.');
  });

  it('accepts month and year dates', () => {
    expect(
      validateRecord({ ...VALID, reviewed: '2019-10', claimDate: '2019' }, REF).errors,
    ).toEqual([]);
  });

  // Every error kind names the file, the record, the field and what was expected.
  const cases: [string, unknown, string, RegExp][] = [
    ['missing field', withChange((r) => delete r.note), 'note', /required field is missing/],
    [
      'missing sources',
      withChange((r) => delete r.sources),
      'sources',
      /required field is missing \(expected a list\)/,
    ],
    ['empty sources', withChange((r) => (r.sources = [])), 'sources', /at least 1/],
    [
      'missing source field',
      withChange((r) => delete source(r).title),
      'sources[0].title',
      /required field is missing/,
    ],
    [
      'http URL',
      withChange((r) => (source(r).url = 'http://www.politifact.com/x/')),
      'sources[0].url',
      /expected an https: URL, got "http:\/\/www\.politifact\.com\/x\/"/,
    ],
    [
      'javascript: URL',
      withChange((r) => (source(r).url = 'javascript:alert(1)')),
      'sources[0].url',
      /expected an https: URL, got "javascript:alert\(1\)"/,
    ],
    [
      'relative URL',
      withChange((r) => (source(r).url = '/factchecks/2019/')),
      'sources[0].url',
      /expected an https: URL/,
    ],
    [
      'URL with credentials',
      withChange((r) => (source(r).url = 'https://user:pw@example.org/')),
      'sources[0].url',
      /expected an https: URL/,
    ],
    [
      'impossible date',
      withChange((r) => (r.reviewed = '2019-02-30')),
      'reviewed',
      /expected an ISO date YYYY-MM-DD \(or YYYY-MM, YYYY\), got "2019-02-30"/,
    ],
    [
      'US date',
      withChange((r) => (source(r).date = '10/30/2019')),
      'sources[0].date',
      /expected an ISO date/,
    ],
    [
      'date-time',
      withChange((r) => (r.claimDate = '2019-10-22T10:00:00Z')),
      'claimDate',
      /expected an ISO date/,
    ],
    [
      'unknown verdict',
      withChange((r) => (r.verdict = 'pants-fire')),
      'verdict',
      /expected one of accurate, mostly-accurate, needs-context, misleading, false, unproven; got "pants-fire"/,
    ],
    [
      'YAML boolean verdict',
      withChange((r) => (r.verdict = false)),
      'verdict',
      /got boolean false \(in YAML write "false" in quotes\)/,
    ],
    [
      'over-long claim',
      withChange((r) => (r.claim = 'x'.repeat(401))),
      'claim',
      /expected at most 400 characters, got 401/,
    ],
    [
      'over-long note',
      withChange((r) => (r.note = 'y'.repeat(601))),
      'note',
      /expected at most 600 characters, got 601/,
    ],
    [
      'four-sentence note',
      withChange((r) => (r.note = 'One. Two is here. Three is here. Four is here.')),
      'note',
      /expected at most 3 sentences, got 4/,
    ],
    [
      'over-long title',
      withChange((r) => (source(r).title = 't'.repeat(301))),
      'sources[0].title',
      /at most 300 characters/,
    ],
    [
      'empty claim',
      withChange((r) => (r.claim = '   ')),
      'claim',
      /expected text, got an empty string/,
    ],
    [
      'control character',
      withChange((r) => (r.claim = 'A claim\u0007')),
      'claim',
      /control character/,
    ],
    [
      'id not a slug',
      withChange((r) => (r.id = 'Bad_ID')),
      'id',
      /expected a slug .* got "Bad_ID"/,
    ],
    ['id too long', withChange((r) => (r.id = 'a'.repeat(121))), 'id', /at most 120 characters/],
    ['wrong type', withChange((r) => (r.claim = 42)), 'claim', /expected a string, got number 42/],
    [
      'unknown field',
      withChange((r) => (r.sorces = [])),
      'sorces',
      /unknown field \(known fields: id, claim/,
    ],
    [
      'unknown source field',
      withChange((r) => (source(r).link = 'x')),
      'sources[0].link',
      /unknown field/,
    ],
    [
      'bad language tag',
      withChange((r) => (r.lang = 'English')),
      'lang',
      /expected a language tag/,
    ],
    [
      'too many phrasings',
      withChange((r) => (r.phrasings = Array.from({ length: 21 }, (_, i) => `p ${i}`))),
      'phrasings',
      /at most 20 items/,
    ],
  ];

  it.each(cases)('%s', (_name, raw, field, message) => {
    const { record, errors } = validateRecord(raw, REF);
    expect(record).toBeNull();
    expect(errors).toHaveLength(1);
    const e = errors[0] as ClaimError;
    expect(e).toMatchObject({
      file: REF.file,
      record: REF.record,
      id: typeof (raw as { id: unknown }).id === 'string' ? (raw as { id: string }).id : undefined,
      field,
    });
    expect(e.message).toMatch(message);
  });

  it('reports every problem of a record, not only the first', () => {
    const raw = withChange((r) => {
      r.verdict = 'nope';
      source(r).url = 'http://x.org/';
      delete r.reviewed;
    });
    expect(
      validateRecord(raw, REF)
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['reviewed', 'sources[0].url', 'verdict']);
  });

  it('rejects a non-object', () => {
    expect(validateRecord(['a'], REF).errors[0]?.message).toBe(
      'expected a record (an object), got a list',
    );
  });
});

describe('validateRecords', () => {
  it('reports duplicate ids across files, naming the first use', () => {
    const { records, errors } = validateRecords([
      { raw: VALID, ref: { file: 'data/claims/politifact.jsonl', record: 'line 1' } },
      { raw: VALID, ref: { file: 'data/claims/seed.yaml', record: 'record 2' } },
      { raw: VALID, ref: { file: 'data/claims/seed.yaml', record: 'record 5' } },
    ]);
    expect(records).toHaveLength(1);
    expect(errors.map(formatError)).toEqual([
      'data/claims/seed.yaml: record 2 (id "pf-00000"): id: duplicate id, first used at data/claims/politifact.jsonl line 1',
      'data/claims/seed.yaml: record 5 (id "pf-00000"): id: duplicate id, first used at data/claims/politifact.jsonl line 1',
    ]);
  });
});

describe('formatError', () => {
  it('gives one line: file, record, id, field, message', () => {
    const [e] = validateRecord(
      withChange((r) => {
        r.id = 'x';
        source(r, 0).url = 'http://a.org/';
      }),
      REF,
    ).errors;
    expect(formatError(e as ClaimError)).toBe(
      'data/claims/seed.yaml: record 3 (id "x"): sources[0].url: expected an https: URL, got "http://a.org/"',
    );
  });
  it('leaves out an empty field and a missing id', () => {
    expect(formatError({ file: 'f.jsonl', record: 'line 2', field: '', message: 'bad' })).toBe(
      'f.jsonl: line 2: bad',
    );
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2019-10-30', true],
    ['2019-10', true],
    ['2019', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2019-13', false],
    ['2019-00-10', false],
    ['0200-01-02', false],
    ['2019-1-5', false],
    ['', false],
    ['2019-10-30T00:00:00Z', false],
  ])('%s -> %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('sentences', () => {
  it.each([
    ['', 0],
    ['One sentence without a stop', 1],
    ['Trump ‘dead wrong’ about the change in murders in Chicago', 1],
    ['One. Two.', 2],
    ['The U.S. President spoke. Then he left.', 2],
    ['George W. Bush said it. Dr. Smith agreed!', 2],
    ['He said "Stop." Then "Go." Done?', 3],
    ['Prices rose 2.5 percent. Wages fell.', 2],
  ])('%j has %d', (t, n) => expect(countSentences(t)).toBe(n));

  it('clips to whole sentences within both limits', () => {
    expect(clipSentences('One here. Two here. Three here. Four here.', 3, 600)).toBe(
      'One here. Two here. Three here.',
    );
    expect(clipSentences('One here. Two here.', 3, 12)).toBe('One here.');
    expect(clipSentences('A first sentence that is far too long.', 3, 10)).toBeNull();
  });
});
