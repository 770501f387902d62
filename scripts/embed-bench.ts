/**
 * Cost of the semantic channel in Node (WASM backend, one thread), on real
 * debate lines of the 2b dev transcripts:
 *   cold load (WASM backend init, model graph + weights, first inference),
 *   ms per sentence at batch sizes 1, 8, 32 (batches of similar length),
 *   memory (RSS and TF.js tensor bytes) with the model loaded,
 *   the GloVe mean vector's cost per sentence.
 *
 *   nice -n 19 npx tsx scripts/embed-bench.ts
 * (On a shared machine the figures are upper bounds: compare user CPU time.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { UseEncoder } from '../lib/semantic/use-encoder';
import { WordVectors } from '../lib/semantic/word-vectors';
import { readUseFiles, wasmBackend } from '../tools/semantic-node';
import { CACHE_DIR } from '../tools/semantic-texts';
import { loadTranscript, transcriptsOf } from '../tools/train-data';

const mb = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MB`;
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rss0 = process.memoryUsage().rss;
let t = performance.now();
let c = cpu();
await wasmBackend();
const backendMs = [performance.now() - t, cpu() - c];
t = performance.now();
c = cpu();
const files = readUseFiles();
const readMs = [performance.now() - t, cpu() - c];
t = performance.now();
c = cpu();
const enc = await UseEncoder.load(files);
const loadMs = [performance.now() - t, cpu() - c];
t = performance.now();
c = cpu();
await enc.embed(['A first sentence warms the kernels up.']);
const firstMs = [performance.now() - t, cpu() - c];
const f = ([wall, used]: number[]): string =>
  `${wall!.toFixed(0)} ms wall, ${used!.toFixed(0)} ms CPU`;
console.log(
  `backend init ${f(backendMs)}; read files ${f(readMs)}; model load ${f(loadMs)}; first sentence ${f(firstMs)}`,
);
console.log(
  `memory: RSS +${mb(process.memoryUsage().rss - rss0)} (total ${mb(process.memoryUsage().rss)}), tensors ${mb(tf.memory().numBytes)}`,
);

const lines = transcriptsOf('dev')
  .flatMap((n) => loadTranscript(n).map((l) => l.text))
  .filter((s) => s.split(' ').length >= 5)
  .slice(0, 256);
const words = lines.reduce((s, l) => s + l.split(' ').length, 0) / lines.length;
for (const batch of [1, 8, 32]) {
  const sorted = [...lines].sort((a, b) => a.length - b.length);
  t = performance.now();
  c = cpu();
  for (let i = 0; i < sorted.length; i += batch) await enc.embed(sorted.slice(i, i + batch));
  console.log(
    `batch ${batch}: ${((performance.now() - t) / lines.length).toFixed(1)} ms wall, ${((cpu() - c) / lines.length).toFixed(1)} ms CPU a sentence (${lines.length} lines, ${words.toFixed(0)} words on average)`,
  );
}
console.log(
  `memory after: RSS ${mb(process.memoryUsage().rss)}, tensors ${mb(tf.memory().numBytes)}`,
);

const gloveFile = join(CACHE_DIR, 'glove-40000.fmw');
if (existsSync(gloveFile)) {
  t = performance.now();
  const g = WordVectors.decode(readFileSync(gloveFile));
  const gl = performance.now() - t;
  t = performance.now();
  for (let r = 0; r < 10; r++) for (const l of lines) g.sentence(l);
  console.log(
    `GloVe: load ${gl.toFixed(0)} ms, ${(((performance.now() - t) / lines.length / 10) * 1000).toFixed(0)} µs a sentence`,
  );
}
