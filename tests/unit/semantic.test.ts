import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UseTokenizer } from '../../lib/semantic/tokenizer';
import {
  closenessToClaims,
  cosineAll,
  decodeTable,
  encodeTable,
  quantize,
  rowOf,
} from '../../lib/semantic/vectors';
import {
  rerankFeatures,
  rerankProbabilities,
  RERANK_FEATURES,
  type PoolCandidate,
} from '../../lib/semantic/rerank';
import { encodeWordVectors, vectorTokens, WordVectors } from '../../lib/semantic/word-vectors';
import { loadNodeEncoder, readUseFiles } from '../../tools/semantic-node';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/use-tokenizer-ids.json', import.meta.url), 'utf8'),
) as { cases: [string, number[]][] };

describe('USE tokenizer port', () => {
  const tok = new UseTokenizer(readUseFiles().vocabulary);
  it.each(fixture.cases)('gives the package tokenizer ids for %j', (text, ids) => {
    expect(tok.encode(text)).toEqual(ids);
  });
});

describe('int8 tables', () => {
  it('round-trip through bytes and keep cosines within 0.01', () => {
    const dim = 16;
    const rows = new Float32Array(3 * dim).map((_, i) => Math.sin(i * 1.7));
    for (let r = 0; r < 3; r++) {
      const n = Math.hypot(...rows.subarray(r * dim, (r + 1) * dim));
      for (let d = 0; d < dim; d++) rows[r * dim + d]! /= n;
    }
    const t = decodeTable(encodeTable(quantize(rows, dim)));
    expect(t.n).toBe(3);
    const cos = cosineAll(t, rows.subarray(0, dim));
    const exact = [0, 1, 2].map((r) =>
      rows.subarray(r * dim, (r + 1) * dim).reduce((s, v, d) => s + v * rows[d]!, 0),
    );
    exact.forEach((c, r) => expect(cos[r]).toBeCloseTo(c, 2));
    expect(rowOf(t, 1)[3]).toBeCloseTo(rows[dim + 3]!, 2);
  });
  it('refuse bytes that are not a table', () => {
    expect(() => decodeTable(new Uint8Array(20))).toThrow(/FMV1/);
  });
});

describe('mean word vectors', () => {
  // Three words on orthogonal axes of a 4-d space.
  const rows = new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
  const wv = WordVectors.decode(encodeWordVectors(['wall', 'border', 'tax'], quantize(rows, 4)));
  it('look words up lower-cased, without stopwords', () => {
    expect(vectorTokens('The WALL and the Border')).toEqual(['wall', 'border']);
    expect(wv.has('wall') && !wv.has('the')).toBe(true);
  });
  it('give the normalised weighted mean of the known words, skipping unknown ones', () => {
    const v = wv.sentence('A wall, a border and a moat', (w) => (w === 'wall' ? 3 : 1));
    expect(v[0]).toBeCloseTo(3 / Math.hypot(3, 1), 2);
    expect(v[1]).toBeCloseTo(1 / Math.hypot(3, 1), 2);
    expect(v[2]).toBe(0);
  });
  it('give a zero row when no word is known', () => {
    expect([...wv.sentence('moat drawbridge')]).toEqual([0, 0, 0, 0]);
  });
});

describe('USE lite encoder (WASM, one thread)', () => {
  it('puts a restatement closer than a sentence on the same topic', async () => {
    const enc = await loadNodeEncoder();
    const e = await enc.embed([
      'The unemployment rate fell to 3.5 percent last month.',
      'Joblessness dropped to three and a half percent in the past month.',
      'Unemployment benefits are paid by the states.',
      '',
    ]);
    const cos = (a: number, b: number): number =>
      e.subarray(a * 512, a * 512 + 512).reduce((s, v, d) => s + v * e[b * 512 + d]!, 0);
    expect(cos(0, 0)).toBeCloseTo(1, 4);
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 2) + 0.1);
    expect(cos(3, 3)).toBe(0);
  }, 30_000);
});

describe('semantic re-ranker (hybrid pool)', () => {
  // Weights on the lexical score and the gap to the pool's best cosine only.
  const model = {
    features: [...RERANK_FEATURES],
    mean: RERANK_FEATURES.map(() => 0),
    std: RERANK_FEATURES.map(() => 1),
    w: RERANK_FEATURES.map((f) => (f === 'fm score' ? 4 : f === 'cos-max in pool' ? 6 : 0)),
    b: -2,
  };
  const listed = (score: number, rank: number, cos: number, ctxCos = cos): PoolCandidate => ({
    fm: { score, rank },
    bm25: 10 - rank,
    bm25Rank: rank,
    cos,
    ctxCos,
  });
  const order = (pool: PoolCandidate[]): number[] => {
    const p = rerankProbabilities(pool, 10, model);
    return p.map((_, k) => k).sort((a, b) => p[b]! - p[a]!);
  };
  it('lifts a close second whose meaning is much nearer the sentence', () => {
    expect(order([listed(0.62, 0, 0.3), listed(0.6, 1, 0.8), listed(0.2, 2, 0.9)])).toEqual([
      1, 2, 0,
    ]);
  });
  it('keeps the ranker order when the cosines do not differ', () => {
    expect(order([listed(0.62, 0, 0.5), listed(0.6, 1, 0.5), listed(0.2, 2, 0.5)])).toEqual([
      0, 1, 2,
    ]);
  });
  it("reads both rankers: a claim only BM25 found has no lexical score, BM25 relative to the query's best", () => {
    const x = rerankFeatures(
      [listed(0.9, 0, 0.4, 0.7), { bm25: 5, bm25Rank: 3, cos: 0.6, ctxCos: 0.5 }],
      20,
    );
    expect(x[0]).toEqual([
      0.9,
      1,
      1,
      0.5,
      Math.log1p(10),
      1,
      0.4,
      expect.closeTo(-0.2, 6),
      0.5,
      0.7,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(x[1]).toEqual([
      0,
      0,
      0,
      0.25,
      Math.log1p(5),
      0.25,
      0.6,
      0,
      1,
      0.5,
      expect.closeTo(-0.2, 6),
      0,
      0,
      0,
      0,
      0,
    ]);
  });
  it("reads how far the statement's date is from each claim's check, against the pool's nearest", () => {
    const x = rerankFeatures(
      [
        { ...listed(0.5, 0, 0.5), days: 2 },
        { ...listed(0.5, 1, 0.5), days: -400 },
        listed(0.5, 2, 0.5),
      ],
      10,
    );
    expect(x.map((r) => r.slice(11))).toEqual([
      [1, Math.log1p(2), 1, 0, 0],
      [1, Math.log1p(400), 0, 1, expect.closeTo(Math.log1p(400) - Math.log1p(2), 9)],
      [0, 0, 0, 0, 0],
    ]);
  });
  it('ships weights under which, all else equal, the claim checked within days of the statement ranks first', () => {
    const p = rerankProbabilities(
      [
        { ...listed(0.5, 0, 0.5), days: 900 },
        { ...listed(0.5, 0, 0.5), days: 3 },
      ],
      10,
    );
    expect(p[1]).toBeGreaterThan(p[0]!);
  });
  it('refuses weights fitted for other features', () => {
    expect(() =>
      rerankProbabilities([listed(0.5, 0, 0)], 1, { ...model, features: ['x'] }),
    ).toThrow(/refit/);
  });
  it("ships weights under which the line read with its neighbours counts: the context's nearer claim gains", () => {
    const ctx = rerankProbabilities([listed(0.5, 0, 0.5, 0.3), listed(0.5, 0, 0.5, 0.7)], 10);
    expect(ctx[1]).toBeGreaterThan(ctx[0]!);
  });
  it('ships weights fitted for these features, nearer meaning raising the probability', () => {
    const near = rerankProbabilities([listed(0.5, 0, 0.3), listed(0.5, 1, 0.7)], 10);
    expect(near[1]).toBeGreaterThan(near[0]!);
  });
});

describe('closeness to claims that ship no vectors (an import, a feed)', () => {
  const unit = (...xs: number[]) => {
    const n = Math.hypot(...xs);
    return Float32Array.from(xs, (x) => x / n);
  };
  // Three bundled claims: row 0 is the imported claim itself (a feed republishing it).
  const table = quantize(
    new Float32Array([...unit(1, 0, 0), ...unit(0.6, 0.8, 0), ...unit(0, 0, 1)]),
    3,
  );
  const para = unit(0.9, 0.3, 0.1);
  const all = cosineAll(table, para);

  it('the bundled copy of the claim is no rival; the next bundled claim and the other claims asked are', () => {
    const mine = unit(1, 0, 0);
    const { cos, margin } = closenessToClaims(table, all, para, [mine]);
    expect(cos[0]).toBeCloseTo(0.94, 2);
    // Its rival is row 1 (cosine ~0.76 with the paragraph), not its own copy in row 0.
    expect(margin[0]).toBeCloseTo((cos[0] ?? 0) - (all[1] ?? 0), 5);
    expect(margin[0]).toBeGreaterThan(0.1);
    // A claim only near row 0 (cosine 0.9 < SAME_CLAIM_COSINE) is not its copy: row 0 is its rival.
    const near = unit(1, 0.484, 0);
    const other = closenessToClaims(table, all, para, [near]);
    expect(other.margin[0]).toBeCloseTo((other.cos[0] ?? 0) - (all[0] ?? 0), 5);
  });

  it('another claim asked with it that is closer to the paragraph makes its margin negative', () => {
    const a = unit(0, 0.2, 1);
    const b = unit(0.9, 0.3, 0.1);
    const { margin } = closenessToClaims(table, all, para, [a, b]);
    expect(margin[0]).toBeLessThan(-0.5);
    expect(margin[1]).toBeGreaterThan(0);
  });
});
