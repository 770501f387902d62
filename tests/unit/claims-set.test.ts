import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileClaimSet,
  loadClaimSet,
  toMatchable,
  type ClaimGroup,
} from '../../lib/claims/claim-set';
import { convertClaimReview } from '../../lib/claims/convert-claimreview';
import { parseJsonl } from '../../lib/claims/parse-jsonl';
import type { ClaimRecord } from '../../lib/types';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures', 'claims');
const read = (name: string) => readFileSync(join(FIX, name), 'utf8');

const dataset = parseJsonl(read('good.jsonl'), 'good.jsonl').records;
const reviews = convertClaimReview(JSON.parse(read('claimreview-valid.json')), 'cr.json').records;
const groups: ClaimGroup[] = [
  { origin: 'seed', priority: 1, records: reviews.slice(2) },
  { origin: 'politifact', priority: 0, records: dataset },
];
const META = { name: 'Test set', version: '1' };

/** Display fields a card shows; phrasings and topics live only in the index. */
function display(r: ClaimRecord): ClaimRecord {
  const { phrasings: _p, topics: _t, ...rest } = r;
  return rest;
}

describe('compileClaimSet / loadClaimSet', () => {
  it('round-trips every display field', () => {
    const set = loadClaimSet(JSON.parse(JSON.stringify(compileClaimSet(groups, META))));
    const all = [...reviews.slice(2), ...dataset];
    expect(set.claims.size).toBe(all.length);
    for (const r of all) expect(set.claims.get(r.id)).toEqual(display(r));
    expect(set.claims.get('nope')).toBeUndefined();
    expect(set.claims.has(dataset[0]?.id ?? '')).toBe(true);
    expect(set.claims.originOf(dataset[0]?.id ?? '')).toBe('politifact');
    expect(set.claims.originOf(reviews[2]?.id ?? '')).toBe('seed');
    expect(set.index.size).toBe(all.length);
  });

  it('records meta from the data: counts by origin, built = latest review date', () => {
    const c = compileClaimSet(groups, META);
    expect(c.meta).toEqual({
      name: 'Test set',
      version: '1',
      built: '2020-10-12',
      count: 4,
      origins: { seed: 2, politifact: 2 },
    });
    expect(compileClaimSet(dataset, { ...META, built: '2021-01-01' }).meta).toMatchObject({
      built: '2021-01-01',
      origins: { imported: 2 },
    });
  });

  it('is byte-for-byte reproducible, whatever the input order', () => {
    const a = JSON.stringify(compileClaimSet(groups, META));
    const b = JSON.stringify(compileClaimSet(groups, META));
    const reversed = groups.map((g) => ({ ...g, records: [...g.records].reverse() }));
    expect(b).toBe(a);
    expect(JSON.stringify(compileClaimSet(reversed, META))).toBe(a);
  });

  it('stores a note equal to the headline once', () => {
    // PolitiFact notes are the headline: kept as null and restored from the source title.
    const c = compileClaimSet(dataset, META);
    const row = JSON.parse(c.c[0] ?? '[]') as unknown[];
    expect(row[2]).toBeNull();
    expect(loadClaimSet(c).claims.get('pf-00000')?.note).toBe(dataset[0]?.sources[0]?.title);
  });

  it('gives hand-researched claims a priority in the index', () => {
    const c = compileClaimSet(groups, META);
    expect(Object.values(c.index.priority)).toEqual([1, 1]);
    expect(toMatchable(dataset[0] as ClaimRecord, 0)).toEqual({
      id: 'pf-00000',
      text: dataset[0]?.claim,
      title: dataset[0]?.sources[0]?.title,
      claimant: 'GayDonna Vandergriff',
      date: '2019-10-22',
    });
  });

  it('refuses duplicate ids', () => {
    expect(() => compileClaimSet([...dataset, ...dataset], META)).toThrow(
      /duplicate claim id "pf-00000"/,
    );
  });

  const good = () =>
    JSON.parse(JSON.stringify(compileClaimSet(groups, META))) as Record<string, unknown>;
  it.each<[string, (j: Record<string, unknown>) => unknown, RegExp]>([
    ['not an object', () => 'x', /payload is not an object/],
    ['another format', (j) => ({ ...j, format: 'other' }), /not a Factmark claim set/],
    ['a newer version', (j) => ({ ...j, version: 99 }), /version 99 is not supported/],
    ['no meta', (j) => ({ ...j, meta: undefined }), /meta is missing/],
    [
      'a wrong count',
      (j) => ({ ...j, meta: { ...(j.meta as object), count: 9 } }),
      /meta.count is 9 but there are 4/,
    ],
    [
      'rows not strings',
      (j) => ({ ...j, c: (j.c as string[]).map((r) => JSON.parse(r) as unknown) }),
      /array of JSON strings/,
    ],
    ['a bad index', (j) => ({ ...j, index: { format: 'x' } }), /loadIndex: not a Factmark index/],
  ])('throws a clear Error on %s', (_n, change, message) => {
    expect(() => loadClaimSet(change(good()))).toThrow(message);
  });

  it('throws a clear Error when a corrupt row is looked up', () => {
    const j = good();
    const rows = j.c as string[];
    rows[0] = '[1,2';
    const set = loadClaimSet(j);
    const id = set.claims.ids()[0] ?? '';
    expect(() => set.claims.get(id)).toThrow(/loadClaimSet: claim row 0 is not JSON/);
    rows[1] = '["claim", 9, null, "2020", []]';
    const set2 = loadClaimSet(j);
    expect(() => set2.claims.get(set2.claims.ids()[1] ?? '')).toThrow(
      /claim row 1 .* is malformed/,
    );
  });
});

describe('npm run claims:build', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const build = (src: string, out: string) =>
    spawnSync(tsx, ['scripts/claims-build.ts', '--src', src, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  const out = mkdtempSync(join(tmpdir(), 'factmark-claims-'));

  it('builds a valid set reproducibly and prints its sha256', () => {
    const a = build('tests/fixtures/claims/set-good', join(out, 'a.json'));
    const b = build('tests/fixtures/claims/set-good', join(out, 'b.json'));
    expect(a.status, a.stderr).toBe(0);
    const bytesA = readFileSync(join(out, 'a.json'));
    expect(readFileSync(join(out, 'b.json')).equals(bytesA)).toBe(true);
    const sha = createHash('sha256').update(bytesA).digest('hex');
    expect(a.stdout).toContain(`sha256: ${sha}`);
    expect(b.stdout).toContain(`sha256: ${sha}`);
    const set = loadClaimSet(JSON.parse(bytesA.toString('utf8')));
    expect(set.meta.origins).toEqual({ datasets: 2, seed: 2 });
    expect(set.claims.get('biden-kneel-national-anthem')?.claim).toBe(
      'An image shared widely in October 2020 showed Joe Biden "taking a knee" in protest, during the playing of the national anthem.',
    );
  }, 60_000);

  it('fails on an invalid source, printing one line per error, and writes nothing', () => {
    const r = build('tests/fixtures/claims/set-bad', join(out, 'bad.json'));
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('tests/'));
    expect(lines).toEqual([
      'tests/fixtures/claims/set-bad/seed.yaml: record 1 (line 3) (id "http-source"): sources[0].url: expected an https: URL, got "http://www.politifact.com/factchecks/2019/oct/29/instagram-posts/instagram-po…"',
      'tests/fixtures/claims/set-bad/seed.yaml: record 2 (line 14) (id "no-verdict"): verdict: required field is missing (expected one of accurate, mostly-accurate, needs-context, misleading, false, unproven)',
      'tests/fixtures/claims/set-bad/seed.yaml: record 3 (line 24) (id "yaml-boolean"): verdict: expected one of accurate, mostly-accurate, needs-context, misleading, false, unproven; got boolean false (in YAML write "false" in quotes)',
      'tests/fixtures/claims/set-bad/seed.yaml: record 4 (line 35) (id "pf-00000"): id: duplicate id, first used at tests/fixtures/claims/set-bad/datasets.jsonl line 1',
    ]);
    expect(() => execFileSync('test', ['-e', join(out, 'bad.json')])).toThrow();
  }, 60_000);

  it('fails clearly when seed.yaml is missing', () => {
    const r = build('tests/fixtures/claims/set-noseed', join(out, 'noseed.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/set-noseed\/seed\.yaml is missing/);
  }, 60_000);
});
