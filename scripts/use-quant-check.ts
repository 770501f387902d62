/**
 * Does a smaller copy of the USE-lite weights (scripts/use-quantize.ts) embed
 * like the original? On the 2b dev queries, their gold claims and 300 other
 * claims (text + title): cosine between each text's float32 and quantized
 * embeddings, and the MAP@5 / P@1 of cosine retrieval within that pool, per copy.
 *
 *   nice -n 19 npx tsx scripts/use-quant-check.ts
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UseEncoder } from '../lib/semantic/use-encoder';
import { readUseFiles, wasmBackend } from '../tools/semantic-node';
import { rankFigures } from '../tools/semantic-fit';
import { CACHE_DIR, semanticTexts } from '../tools/semantic-texts';
import { loadQrels } from '../tools/train-data';

await wasmBackend();
const q = semanticTexts('2b', 'dev');
const c = semanticTexts('2b', 'claims');
const qrels = loadQrels('2b', 'dev');
const gold = new Set([...qrels.values()].flatMap((s) => [...s]));
const pool = c.ids
  .map((id, i) => ({ id, text: c.texts[i] ?? '' }))
  .filter((x, i) => gold.has(x.id) || i % 64 === 7)
  .slice(0, gold.size + 300);
const texts = [...q.texts, ...pool.map((p) => p.text)];
const copies: [string, string | undefined][] = [
  ['float32', undefined],
  ['float16', join(CACHE_DIR, 'use-lite-float16')],
  ['uint8', join(CACHE_DIR, 'use-lite-uint8')],
];
let base: Float32Array | undefined;
for (const [name, dir] of copies) {
  if (dir && !existsSync(dir)) continue;
  const enc = await UseEncoder.load(readUseFiles(dir));
  const e = new Float32Array(texts.length * 512);
  for (let i = 0; i < texts.length; i += 32)
    e.set(await enc.embed(texts.slice(i, i + 32)), i * 512);
  enc.dispose();
  base ??= e;
  const dot = (a: Float32Array, i: number, b: Float32Array, j: number): number => {
    let s = 0;
    for (let d = 0; d < 512; d++) s += (a[i * 512 + d] as number) * (b[j * 512 + d] as number);
    return s;
  };
  const agree = texts.map((_, i) => dot(e, i, base as Float32Array, i));
  const runs = q.ids.map((id, i) => {
    const scored = pool.map((p, k) => ({ id: p.id, s: dot(e, i, e, q.ids.length + k) }));
    scored.sort((a, b) => b.s - a.s);
    return { ranked: scored.slice(0, 5).map((x) => x.id), rel: qrels.get(id) ?? new Set<string>() };
  });
  const f = rankFigures(runs);
  console.log(
    `${name}: cos to float32 mean ${(agree.reduce((a, b) => a + b, 0) / agree.length).toFixed(5)} min ${Math.min(...agree).toFixed(5)}; pool of ${pool.length}: MAP@5 ${f.map5.toFixed(4)} P@1 ${f.p1.toFixed(4)}`,
  );
}
