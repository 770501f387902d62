import { describe, expect, test } from 'vitest';
import {
  buildIndex,
  loadIndex,
  matchSentences,
  rankQuery,
  serializeIndex,
} from '../../lib/match/matcher';
import type { ClaimIndexCore } from '../../lib/match/index-core';
import { BINARY_VERSION, typedArrayName } from '../../lib/match/index-format';
import { warmIndex } from '../../lib/match/lazy-fields';
import { readIndexHeader } from '../../lib/match/read-index-header';
import { segmentSentences } from '../../lib/text/segment';
import type { MatchableClaim } from '../../lib/types';
import { SEED_CLAIMS } from './match-seed-claims';

/** The seed claims plus a few with every optional field, so every kind of field is filled. */
const CLAIMS: MatchableClaim[] = [
  ...SEED_CLAIMS,
  {
    id: 'biden-gas-prices',
    text: 'Gas prices doubled under President Joe Biden.',
    phrasings: ['Fuel costs have gone up 100 percent since Biden took office.'],
    title: 'No, gas prices did not double under Biden',
    claimant: 'Donald Trump',
    date: '2022-06-14',
  },
  {
    id: 'kyiv-metro',
    text: 'Kyiv (Kiev) opened three new metro stations in 2019.',
    claimant: 'Vitali Klitschko',
    date: '2019-11-02',
    priority: 1,
  },
  { id: 'unicode-claim', text: 'Zelenskyy said “Україна” will never cede Crimea — ever.' },
];

const QUERIES = [
  'Moscow annexed the Crimean peninsula in 2014.',
  'Trump had promised to end the war in Ukraine within a day.',
  'Biden doubled the price of gasoline, Trump said on Tuesday.',
  'The capital Kiev added 3 subway stations two years ago.',
  'Russia now controls roughly a fifth of Ukraine.',
];

const ARTICLE = [
  'Russia, which annexed Crimea in 2014, now holds about 20 percent of Ukraine.',
  'In 2022 Moscow annexed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions.',
  'The 28-point plan drafted in Washington asks Kyiv to cede land and cap its army.',
  'Trump, who brokered the Gaza ceasefire, vowed to end the war within 24 hours.',
  'The weather in Kiev was mild on Tuesday.',
].join(' ');

function roundTrip(index: ClaimIndexCore): ClaimIndexCore {
  return loadIndex(serializeIndex(index));
}

describe('binary index payload', () => {
  const built = buildIndex(CLAIMS);
  const buffer = serializeIndex(built);
  const loaded = loadIndex(buffer);

  test('rankQuery gives identical results after build -> serialize -> load', () => {
    expect(loaded.size).toBe(CLAIMS.length);
    for (const [i, text] of QUERIES.entries()) {
      const q = { id: `q${i}`, text, date: '2022-06-20' };
      expect(rankQuery(loaded, q)).toEqual(rankQuery(built, q));
    }
  });

  test('matchSentences gives identical marks, at every strictness', () => {
    const sentences = segmentSentences(ARTICLE);
    for (const strictness of ['strict', 'balanced', 'broad'] as const) {
      const a = matchSentences(built, sentences, { date: '2025-11-25' }, { strictness });
      const b = matchSentences(loaded, sentences, { date: '2025-11-25' }, { strictness });
      expect(b).toEqual(a);
    }
    expect(matchSentences(loaded, sentences).length).toBeGreaterThan(0);
  });

  test('carries every field of the index, whatever its name', () => {
    // Generic: every own field of a built index is in the header and equal after loading.
    const h = readIndexHeader(buffer);
    const paths = h.fields.map((f) => f.path.join('.'));
    for (const k of Object.keys(built))
      expect(paths.some((p) => p === k || p.startsWith(`${k}.`))).toBe(true);
    for (const k of Object.keys(built.src)) expect(paths).toContain(`src.${k}`);
    warmIndex(loaded);
    const plain = (v: unknown): unknown =>
      v instanceof Map
        ? [...(v as Map<unknown, unknown>)]
        : typedArrayName(v)
          ? Array.from(v as ArrayLike<number>)
          : v;
    for (const k of Object.keys(built) as (keyof ClaimIndexCore)[]) {
      if (k === 'src' || k === 'claimantTokens') continue;
      expect(plain(loaded[k]), k).toEqual(plain(built[k]));
    }
    for (const k of Object.keys(built.src) as (keyof ClaimIndexCore['src'])[])
      expect(plain(loaded.src[k]), `src.${k}`).toEqual(plain(built.src[k]));
  });

  test('typed arrays are views over the buffer (zero copy), scratch arrays are not', () => {
    expect(loaded.pUnit.buffer).toBe(buffer);
    expect(loaded.idf.buffer).toBe(buffer);
    expect(loaded.src.seq.buffer).toBe(buffer);
    expect(loaded.acc.buffer).not.toBe(buffer);
    expect(loaded.accClaim.buffer).not.toBe(buffer);
    for (const f of readIndexHeader(buffer).fields)
      if (f.kind === 'ta') expect(f.offset % 8, f.path.join('.')).toBe(0);
  });

  test('is deterministic, and a loaded index serialises to the same bytes', () => {
    const again = new Uint8Array(serializeIndex(buildIndex(CLAIMS)));
    expect(Buffer.from(again).equals(Buffer.from(new Uint8Array(buffer)))).toBe(true);
    // A fresh build: queries fill `built`'s memo caches, which are then stored as values.
    const fromLoaded = new Uint8Array(serializeIndex(roundTrip(buildIndex(CLAIMS))));
    expect(Buffer.from(fromLoaded).equals(Buffer.from(new Uint8Array(buffer)))).toBe(true);
  });

  test('carries a field the matcher adds, without a change to the serializer', () => {
    // What a colleague's new field looks like: a typed array, a string array, a number.
    const extended = {
      ...built,
      src: { ...built.src, extraLabels: ['a', 'é', ''] },
      extraWeights: new Float32Array([0.5, -1, 3]),
      extraCount: 7,
    };
    const buf = serializeIndex(extended as ClaimIndexCore);
    const paths = readIndexHeader(buf).fields.map((f) => f.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['src.extraLabels', 'extraWeights', 'extraCount']),
    );
    // This matcher has no such fields: loading says the set is from another version.
    expect(() => loadIndex(buf)).toThrow(
      /field src\.extraLabels is not one this matcher has.*rebuild/,
    );
  });

  test('accepts bytes (a Node Buffer) as well as an ArrayBuffer', () => {
    const bytes = Buffer.from(new Uint8Array(buffer));
    const q = { id: 'q', text: QUERIES[0] ?? '' };
    expect(rankQuery(loadIndex(bytes), q)).toEqual(rankQuery(built, q));
  });

  test('an empty index round-trips', () => {
    const empty = roundTrip(buildIndex([]));
    expect(empty.size).toBe(0);
    expect(rankQuery(empty, { id: 'q', text: 'anything at all' })).toEqual([]);
  });
});

describe('bad payloads fail with a clear Error', () => {
  const good = () => new Uint8Array(serializeIndex(buildIndex(SEED_CLAIMS)));
  const dv = (u8: Uint8Array) => new DataView(u8.buffer);
  test.each<[string, () => unknown, RegExp]>([
    ['null', () => null, /payload must be an ArrayBuffer/],
    [
      'the old JSON payload',
      () => ({ format: 'factmark-index', version: 1 }),
      /payload must be an ArrayBuffer/,
    ],
    ['too short', () => new Uint8Array(5), /payload too short/],
    [
      'a wrong magic',
      () => {
        const u = good();
        u[0] = 0x7b;
        return u;
      },
      /not a Factmark index \(magic/,
    ],
    [
      'a newer container version',
      () => {
        const u = good();
        dv(u).setUint32(4, BINARY_VERSION + 1, true);
        return u;
      },
      /container version \d+ is not supported.*rebuild/,
    ],
    ['a truncated payload', () => good().slice(0, 4000), /truncated/],
    [
      'a section past the end',
      () => {
        const u = good();
        const total = dv(u).getUint32(12, true);
        const cut = u.slice(0, total - 64);
        dv(cut).setUint32(12, cut.length, true);
        return cut;
      },
      /runs? past the end|expected \d+ strings/,
    ],
  ])('%s', (_name, payload, message) => {
    expect(() => {
      const index = loadIndex(payload());
      warmIndex(index); // string tables decode lazily
    }).toThrow(message);
  });

  test('a header of another matcher version', () => {
    const u = good();
    const text = new TextDecoder().decode(u);
    const at = text.indexOf('"version":');
    expect(at).toBeGreaterThan(0);
    // Same length: "version":1 -> "version":9
    u[at + '"version":'.length] = '9'.charCodeAt(0);
    expect(() => loadIndex(u)).toThrow(/index format version 9 is not supported.*rebuild/);
  });

  test('every error names loadIndex', () => {
    expect(() => loadIndex(new ArrayBuffer(3))).toThrow(/^loadIndex: /);
  });
});
