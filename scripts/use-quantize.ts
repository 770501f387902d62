/**
 * Smaller copies of the USE-lite weights for the extension package: every
 * float32 weight of 1,024+ values stored as float16 (14 MB) or as uint8 with a
 * per-tensor affine scale (7 MB) instead of float32 (28 MB). TF.js's own
 * weight-manifest `quantization` entries: the loader dequantizes at load.
 * Writes cache/semantic/use-lite-<dtype>/{model.json, weights.bin, vocab.json}.
 *
 *   npx tsx scripts/use-quantize.ts float16|uint8
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUseFiles, USE_DIR } from '../tools/semantic-node';
import { CACHE_DIR } from '../tools/semantic-texts';

const dtype = process.argv[2] as 'float16' | 'uint8';
if (dtype !== 'float16' && dtype !== 'uint8')
  throw new Error('usage: use-quantize.ts float16|uint8');

/** IEEE half-precision bits of a float (round to nearest even; no NaN payloads needed here). */
function toHalf(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0] as number;
  const sign = (u >>> 16) & 0x8000;
  const exp = ((u >>> 23) & 0xff) - 127 + 15;
  const mant = u & 0x7fffff;
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) {
    if (exp < -10) return sign;
    const m = (mant | 0x800000) >> (1 - exp);
    return sign | ((m + 0x1000) >> 13);
  }
  const h = sign | (exp << 10) | (mant >> 13);
  return (mant & 0x1fff) > 0x1000 || ((mant & 0x1fff) === 0x1000 && h & 1) ? h + 1 : h;
}

const { modelJson, shards } = readUseFiles();
const all = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
let at = 0;
for (const s of shards) {
  all.set(new Uint8Array(s), at);
  at += s.byteLength;
}
const specs = modelJson.weightsManifest.flatMap((g) => g.weights);
const parts: Uint8Array[] = [];
let read = 0;
const outSpecs = specs.map((spec) => {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const bytes = all.subarray(read, read + n * 4);
  read += n * 4;
  if (spec.dtype !== 'float32' || n < 1024 || spec.quantization) {
    parts.push(bytes.slice());
    return spec;
  }
  const v = new Float32Array(bytes.slice().buffer);
  if (dtype === 'float16') {
    const h = new Uint16Array(n);
    for (let i = 0; i < n; i++) h[i] = toHalf(v[i] as number);
    parts.push(new Uint8Array(h.buffer));
    return { ...spec, quantization: { dtype: 'float16' as const } };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const x of v) [min, max] = [Math.min(min, x), Math.max(max, x)];
  const scale = (max - min) / 255 || 1;
  const q = new Uint8Array(n);
  for (let i = 0; i < n; i++) q[i] = Math.round(((v[i] as number) - min) / scale);
  parts.push(q);
  return { ...spec, quantization: { dtype: 'uint8' as const, min, scale } };
});
if (read !== all.byteLength) throw new Error(`weights: read ${read} of ${all.byteLength} bytes`);
const dir = join(CACHE_DIR, `use-lite-${dtype}`);
mkdirSync(dir, { recursive: true });
const weights = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
at = 0;
for (const p of parts) {
  weights.set(p, at);
  at += p.byteLength;
}
writeFileSync(join(dir, 'weights.bin'), weights);
writeFileSync(
  join(dir, 'model.json'),
  JSON.stringify({
    ...modelJson,
    weightsManifest: [{ paths: ['weights.bin'], weights: outSpecs }],
  }),
);
copyFileSync(join(USE_DIR, 'vocab.json'), join(dir, 'vocab.json'));
console.log(
  `wrote ${dir}: weights ${(weights.byteLength / 1e6).toFixed(1)} MB (float32: ${(all.byteLength / 1e6).toFixed(1)} MB)`,
);
