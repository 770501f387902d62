import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClaimSetMeta } from '../../lib/claims/check-claim-set';
import { loadClaimSet, openCompiledClaimSet } from '../../lib/claims/claim-set';
import { SHARD_CLAIMS } from '../../lib/claims/claim-set-format';
import {
  compileClaimSet,
  serializeClaimSetIndex as indexBin,
  type ClaimGroup,
  type CompiledClaimSet,
} from '../../lib/claims/compile-claim-set';
import { toMatchable } from '../../lib/claims/to-matchable';
import { loadIndex, matchSentences, serializeIndex } from '../../lib/match/matcher';
import { segmentSentences } from '../../lib/text/segment';
import type { JsonValue } from '../../lib/match/index-format';
import { readIndexHeader } from '../../lib/match/read-index-header';
import { CLAIM_SET_FILES, readClaimSetDir } from '../../tools/claim-set-files';
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
/** The card data of a record: no phrasings or topics, and no note when it is the headline. */
function display(r: ClaimRecord): ClaimRecord {
  const { phrasings: _p, topics: _t, ...rest } = r;
  return r.note === r.sources[0]?.title ? { ...rest, note: '' } : rest;
}

/** A compiled set served from memory the way the background fetches files: parsed JSON copies. */
function served(
  c: CompiledClaimSet,
  edit?: (file: string, json: Record<string, unknown>) => unknown,
) {
  const files = new Map(c.shards.map((s) => [s.file, JSON.stringify(s.data)]));
  const fetched: string[] = [];
  const fetchShard = (file: string): Promise<unknown> => {
    fetched.push(file);
    const text = files.get(file);
    if (text === undefined) return Promise.reject(new Error(`404 ${file}`));
    const json = JSON.parse(text) as Record<string, unknown>;
    return Promise.resolve(edit ? edit(file, json) : json);
  };
  return { fetchShard, fetched };
}

describe('compileClaimSet / loadClaimSet', () => {
  const all = [...reviews.slice(2), ...dataset];

  it('round-trips every display field, fetching display files only on demand', async () => {
    const c = compileClaimSet(groups, META);
    const { fetchShard, fetched } = served(c);
    const set = loadClaimSet(indexBin(c), fetchShard);
    expect(fetched).toEqual([]);
    expect(set.claims.size).toBe(all.length);
    for (const r of all) expect(await set.claims.get(r.id)).toEqual(display(r));
    expect(await set.claims.get('nope')).toBeUndefined();
    expect(set.claims.has(dataset[0]?.id ?? '')).toBe(true);
    expect(await set.claims.originOf(dataset[0]?.id ?? '')).toBe('politifact');
    expect(await set.claims.originOf(reviews[2]?.id ?? '')).toBe('seed');
    expect(set.index.size).toBe(all.length);
    // One display file for this small set, fetched once and cached.
    expect(fetched).toEqual(['display-000.json']);
    const many = await set.claims.getMany([...all.map((r) => r.id), 'nope']);
    expect([...many.keys()].sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('opens an in-memory (imported) set with synchronous lookups', () => {
    const set = openCompiledClaimSet(compileClaimSet(groups, META));
    for (const r of all) expect(set.claims.getSync(r.id)).toEqual(display(r));
    expect(set.claims.getSync('nope')).toBeUndefined();
    expect(set.claims.originOfSync(reviews[2]?.id ?? '')).toBe('seed');
  });

  it('opens an import as compiled, and it matches as the same set loaded from index.bin', () => {
    const c = compileClaimSet(groups, META);
    const opened = openCompiledClaimSet(c);
    expect(opened.index).toBe(c.index); // not serialised and parsed back
    expect(opened.meta).toEqual(c.meta);
    const loaded = loadClaimSet(indexBin(c), served(c).fetchShard);
    const text = all.map((r) => r.claim).join(' ');
    const marks = (s: typeof loaded) =>
      matchSentences(s.index, segmentSentences(text), {}, { strictness: 'broad' });
    expect(marks(opened).length).toBeGreaterThan(0);
    expect(marks(opened)).toEqual(marks(loaded));
  });

  it('shards large sets by claim order, each display file well under 1 MB', async () => {
    // Two full shards and a part: SHARD_CLAIMS + SHARD_CLAIMS + 176.
    const N = 2 * SHARD_CLAIMS + 176;
    const base = dataset[0] as ClaimRecord;
    const many: ClaimRecord[] = Array.from({ length: N }, (_, i) => ({
      ...base,
      id: `claim-${String(i).padStart(5, '0')}`,
      claim: `Claim number ${i} about a thing that happened.`,
    }));
    const c = compileClaimSet(many, META);
    expect(c.shards.map((s) => [s.file, s.data.start, s.data.c.length])).toEqual([
      ['display-000.json', 0, SHARD_CLAIMS],
      ['display-001.json', SHARD_CLAIMS, SHARD_CLAIMS],
      ['display-002.json', 2 * SHARD_CLAIMS, 176],
    ]);
    for (const s of c.shards) expect(JSON.stringify(s.data).length).toBeLessThan(1024 * 1024);
    const { fetchShard, fetched } = served(c);
    const set = loadClaimSet(indexBin(c), fetchShard);
    const last = `claim-${String(N - 1).padStart(5, '0')}`;
    expect((await set.claims.get(last))?.claim).toBe(
      `Claim number ${N - 1} about a thing that happened.`,
    );
    expect(fetched).toEqual(['display-002.json']);
    const mid = `claim-${String(SHARD_CLAIMS + 3).padStart(5, '0')}`;
    await set.claims.getMany(['claim-00000', 'claim-00001', last, mid]);
    expect([...fetched].sort()).toEqual([
      'display-000.json',
      'display-001.json',
      'display-002.json',
    ]);
    expect(readClaimSetMeta(indexBin(c))).toEqual(c.meta);
  });

  it('records meta from the data: counts by origin, built = latest review date', () => {
    const c = compileClaimSet(groups, META);
    const meta = {
      name: 'Test set',
      version: '1',
      built: '2020-10-12',
      count: 4,
      origins: { seed: 2, politifact: 2 },
      // What the popup says of the set: its publishers and the range of its review dates.
      summary: {
        publishers: ['Snopes', 'PolitiFact'],
        otherPublishers: 0,
        attributions: c.meta.summary?.attributions ?? [],
        from: '2019-10-30',
        to: '2020-10-12',
      },
    };
    expect(c.meta.summary?.attributions).toHaveLength(2);
    expect(c.meta).toEqual(meta);
    // Readable from index.bin alone, without the index or any display file.
    expect(readClaimSetMeta(indexBin(c))).toEqual(meta);
    expect(compileClaimSet(dataset, { ...META, built: '2021-01-01' }).meta).toMatchObject({
      built: '2021-01-01',
      origins: { imported: 2 },
    });
  });

  it('is byte-for-byte reproducible, whatever the input order', () => {
    const bytes = (c: CompiledClaimSet) =>
      Buffer.concat([
        Buffer.from(indexBin(c)),
        ...c.shards.map((s) => Buffer.from(JSON.stringify(s.data))),
      ]);
    const a = bytes(compileClaimSet(groups, META));
    const b = bytes(compileClaimSet(groups, META));
    const reversed = groups.map((g) => ({ ...g, records: [...g.records].reverse() }));
    expect(b.equals(a)).toBe(true);
    expect(bytes(compileClaimSet(reversed, META)).equals(a)).toBe(true);
  });

  it('stores a note equal to the headline once, and the card data has it once', () => {
    // PolitiFact notes are the headline: not stored, and not given back as a note (the card
    // shows the headline as the first source's title).
    const c = compileClaimSet(dataset, META);
    const row = c.shards[0]?.data.c[0] as unknown[];
    expect(row[2]).toBeNull();
    const card = openCompiledClaimSet(c).claims.getSync('pf-00000');
    expect(card?.note).toBe('');
    expect(card?.sources[0]?.title).toBe(dataset[0]?.sources[0]?.title);
  });

  it('gives hand-researched claims a priority in the index', () => {
    const set = openCompiledClaimSet(compileClaimSet(groups, META));
    const prio = Array.from(set.index.priority);
    expect(prio.filter((p) => p > 0)).toEqual([1, 1]);
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

  /** index.bin with its header's claim set part replaced (the index itself unchanged). */
  const withExtra = (change: (extra: Record<string, unknown>) => unknown): ArrayBuffer => {
    const c = compileClaimSet(groups, META);
    const extra = readIndexHeader(indexBin(c)).extra as Record<string, unknown>;
    const index = loadIndex(indexBin(c));
    return serializeIndex(index, change(structuredClone(extra)) as JsonValue);
  };
  const noFetch = () => Promise.reject(new Error('no fetch expected'));
  it.each<[string, () => unknown, RegExp]>([
    ['not a buffer', () => 'x', /loadIndex: payload must be an ArrayBuffer/],
    [
      'the version 1 JSON form',
      () => ({ format: 'factmark-claim-set', version: 1 }),
      /loadIndex: payload must be an ArrayBuffer/,
    ],
    [
      'no claim set header',
      () => serializeIndex(loadIndex(indexBin(compileClaimSet(groups, META)))),
      /carries no claim set header/,
    ],
    [
      'another format',
      () => withExtra((j) => ({ ...j, format: 'other' })),
      /not a Factmark claim set/,
    ],
    [
      'a newer version',
      () => withExtra((j) => ({ ...j, version: 99 })),
      /version 99 is not supported/,
    ],
    ['no meta', () => withExtra((j) => ({ ...j, meta: undefined })), /meta is missing/],
    [
      'a wrong count',
      () => withExtra((j) => ({ ...j, meta: { ...(j.meta as object), count: 9 } })),
      /meta.count is 9 but the shards hold 4/,
    ],
    [
      'no shard table',
      () => withExtra((j) => ({ ...j, shards: undefined })),
      /shard table is missing/,
    ],
    [
      'a shard file outside the directory',
      () => withExtra((j) => ({ ...j, shards: [{ file: '../x.json', start: 0, count: 4 }] })),
      /names a bad file/,
    ],
    [
      'a truncated index',
      () => new Uint8Array(indexBin(compileClaimSet(groups, META))).slice(0, 100),
      /loadIndex: .*truncated/,
    ],
  ])('throws a clear Error on %s', (_n, payload, message) => {
    expect(() => loadClaimSet(payload(), noFetch)).toThrow(message);
  });

  it('rejects with a clear Error on a bad or missing display file, and retries a failed fetch', async () => {
    const c = compileClaimSet(groups, META);
    const id = all[0]?.id ?? '';
    const missing = loadClaimSet(indexBin(c), () => Promise.reject(new Error('HTTP 404')));
    await expect(missing.claims.get(id)).rejects.toThrow(
      /display file display-000.json could not be read: HTTP 404/,
    );
    let calls = 0;
    const flaky = loadClaimSet(indexBin(c), (file) => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('busy')) : served(c).fetchShard(file);
    });
    await expect(flaky.claims.get(id)).rejects.toThrow(/busy/);
    expect((await flaky.claims.get(id))?.id).toBe(id);
    const other = served(c, (_f, j) => ({ ...j, first: 'someone-else' }));
    await expect(loadClaimSet(indexBin(c), other.fetchShard).claims.get(id)).rejects.toThrow(
      /display-000.json belongs to another build/,
    );
    const short = served(c, (_f, j) => ({ ...j, c: (j.c as unknown[]).slice(1) }));
    await expect(loadClaimSet(indexBin(c), short.fetchShard).claims.get(id)).rejects.toThrow(
      /expected 4 claim rows/,
    );
  });

  it('throws a clear Error when a corrupt row is looked up', async () => {
    const c = compileClaimSet(groups, META);
    const bad = served(c, (_f, j) => {
      const rows = j.c as unknown[];
      rows[1] = ['claim', 9, null, '2020', []];
      return j;
    });
    const set = loadClaimSet(indexBin(c), bad.fetchShard);
    expect((await set.claims.get(set.claims.ids()[0] ?? ''))?.id).toBe(set.claims.ids()[0]);
    await expect(set.claims.get(set.claims.ids()[1] ?? '')).rejects.toThrow(
      /loadClaimSet: claim row 1 .* is malformed/,
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

  it('builds a valid set reproducibly and prints its sha256', async () => {
    const a = build('tests/fixtures/claims/set-good', join(out, 'a'));
    const b = build('tests/fixtures/claims/set-good', join(out, 'b'));
    expect(a.status, a.stderr).toBe(0);
    const files = readdirSync(join(out, 'a')).sort();
    expect(files).toEqual(['display-000.json', 'index.bin']);
    for (const f of files)
      expect(readFileSync(join(out, 'b', f)).equals(readFileSync(join(out, 'a', f)))).toBe(true);
    const sha = (f: string) =>
      createHash('sha256')
        .update(readFileSync(join(out, 'a', f)))
        .digest('hex');
    expect(a.stdout).toContain(`sha256 index.bin: ${sha('index.bin')}`);
    expect(a.stdout).toContain(`sha256 display (all, in order): ${sha('display-000.json')}`);
    expect(b.stdout).toContain(`sha256 index.bin: ${sha('index.bin')}`);
    const set = readClaimSetDir(join(out, 'a'));
    expect(set.meta.origins).toEqual({ datasets: 2, seed: 2 });
    expect((await set.claims.get('biden-kneel-national-anthem'))?.claim).toBe(
      'An image shared widely in October 2020 showed Joe Biden "taking a knee" in protest, during the playing of the national anthem.',
    );
  }, 60_000);

  it('replaces the files of an earlier build, and only those', () => {
    const dir = join(out, 'again');
    mkdirSync(dir, { recursive: true });
    for (const f of ['bundled.json', 'display-007.json', 'index.bin', 'keep.txt'])
      writeFileSync(join(dir, f), 'old');
    expect(build('tests/fixtures/claims/set-good', dir).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['display-000.json', 'index.bin', 'keep.txt']);
    expect(CLAIM_SET_FILES.test('keep.txt')).toBe(false);
  }, 60_000);

  it('fails on an invalid source, printing one line per error, and writes nothing', () => {
    const r = build('tests/fixtures/claims/set-bad', join(out, 'bad'));
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('tests/'));
    expect(lines).toEqual([
      'tests/fixtures/claims/set-bad/seed.yaml: record 1 (line 3) (id "http-source"): sources[0].url: expected an https: URL, got "http://www.politifact.com/factchecks/2019/oct/29/instagram-posts/instagram-po…"',
      'tests/fixtures/claims/set-bad/seed.yaml: record 2 (line 14) (id "no-verdict"): verdict: required field is missing (expected one of accurate, mostly-accurate, needs-context, misleading, false, unproven)',
      'tests/fixtures/claims/set-bad/seed.yaml: record 3 (line 24) (id "yaml-boolean"): verdict: expected one of accurate, mostly-accurate, needs-context, misleading, false, unproven; got boolean false (in YAML write "false" in quotes)',
      'tests/fixtures/claims/set-bad/seed.yaml: record 4 (line 35) (id "pf-00000"): id: duplicate id, first used at tests/fixtures/claims/set-bad/datasets.jsonl line 1',
    ]);
    expect(() => execFileSync('test', ['-e', join(out, 'bad')])).toThrow();
  }, 60_000);

  it('fails clearly when seed.yaml is missing', () => {
    const r = build('tests/fixtures/claims/set-noseed', join(out, 'noseed'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/set-noseed\/seed\.yaml is missing/);
  }, 60_000);
});
