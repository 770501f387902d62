import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UseTokenizer } from '../../lib/semantic/tokenizer';
import { cosineAll, decodeTable, encodeTable, quantize, rowOf } from '../../lib/semantic/vectors';
import { rerank, rerankFeatures, RERANK_FEATURES } from '../../lib/semantic/rerank';
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

describe('semantic re-ranker', () => {
  const model = {
    features: [...RERANK_FEATURES],
    mean: [0, 0, 0, 0, 0],
    std: [1, 1, 1, 1, 1],
    w: [4, 0, 0, 6, 0],
    b: -2,
  };
  const list = [
    { claim: 'a', score: 0.62 },
    { claim: 'b', score: 0.6 },
    { claim: 'c', score: 0.2 },
  ];
  it('lifts a close second whose meaning is much nearer the sentence', () => {
    const out = rerank(list, [0.3, 0.8, 0.9], model);
    expect(out.map((c) => c.claim)).toEqual(['b', 'c', 'a']);
    expect(out[0]!.semantic).toBeGreaterThan(out[2]!.semantic);
  });
  it('keeps the ranker order when the cosines do not differ', () => {
    expect(rerank(list, [0.5, 0.5, 0.5], model).map((c) => c.claim)).toEqual(['a', 'b', 'c']);
  });
  it('computes the gap to the best cosine and the cosine rank within the list', () => {
    expect(rerankFeatures([0.9, 0.5], [0.4, 0.6])).toEqual([
      [0.9, 1, 0.4, expect.closeTo(-0.2, 6), 0.5],
      [0.5, 0.5, 0.6, 0, 1],
    ]);
  });
  it('refuses weights fitted for other features', () => {
    expect(() => rerank(list, [0, 0, 0], { ...model, features: ['x'] })).toThrow(/refit/);
  });
});
