/**
 * Smaller copies of the USE-lite weights: every float32 weight of 1,024+ values stored as
 * float16 (14 MB) or as uint8 with a per-tensor affine scale (7 MB) instead of float32 (28 MB),
 * described by TF.js's own weight-manifest `quantization` entries, so the loader
 * (tf.io.decodeWeights, via UseEncoder.load) dequantizes them at load. Small tensors and int32
 * ones are kept as they are.
 *
 * Pure: the model's files in (as tools/semantic-node.ts readUseFiles or lib/semantic/use-encoder.ts
 * fetchUseFiles give them), the copy's files out, one weight shard named WEIGHTS_FILE. Used by
 * scripts/use-quantize.ts (the copies use-quant-check compares) and scripts/semantic-assets.ts
 * (the copy the extension ships).
 */
import type { UseModelFiles } from '../lib/semantic/use-encoder';

export type UseQuantDtype = 'float16' | 'uint8';

/** The one shard a quantized copy's model.json names. */
export const WEIGHTS_FILE = 'weights.bin';

/** Tensors smaller than this stay float32 (biases, norms: a few KB in all). */
const MIN_QUANTIZED = 1024;

/**
 * IEEE half-precision bits of a float32: round to nearest, ties to even (subnormals too);
 * overflow gives ±Infinity, NaN a quiet NaN.
 */
export function toHalf(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0] as number;
  const sign = (u >>> 16) & 0x8000;
  if ((u & 0x7fffffff) > 0x7f800000) return sign | 0x7e00;
  const exp = ((u >>> 23) & 0xff) - 127 + 15;
  const mant = u & 0x7fffff;
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) {
    // Below 2^-25 (half the smallest subnormal, a tie that goes to even 0): zero.
    if (exp < -10) return sign;
    // The 24-bit significand in units of 2^-24 (the subnormal step): drop 14 - exp bits.
    const full = mant | 0x800000;
    const shift = 14 - exp;
    const h = full >>> shift;
    const rest = full & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    // A carry into the exponent field gives the smallest normal, as it should.
    return sign | (rest > half || (rest === half && h & 1) ? h + 1 : h);
  }
  const h = sign | (exp << 10) | (mant >> 13);
  // A carry out of the mantissa steps the exponent (65520 and up become Infinity).
  return (mant & 0x1fff) > 0x1000 || ((mant & 0x1fff) === 0x1000 && h & 1) ? h + 1 : h;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * The quantized copy of an unquantized model: the same topology and vocabulary, every weight
 * in WEIGHTS_FILE (manifest order), large float32 tensors as `dtype`. Throws on a weight it
 * cannot size (a quantized input, a dtype other than float32 / int32) or a shard length that
 * does not add up.
 */
export function quantizeUse(files: UseModelFiles, dtype: UseQuantDtype): UseModelFiles {
  const { modelJson } = files;
  const all = concat(files.shards.map((s) => new Uint8Array(s)));
  const specs = modelJson.weightsManifest.flatMap((g) => g.weights);
  const parts: Uint8Array[] = [];
  let read = 0;
  const outSpecs = specs.map((spec) => {
    if (spec.quantization || (spec.dtype !== 'float32' && spec.dtype !== 'int32'))
      throw new Error(`quantizeUse: weight ${spec.name} is ${spec.dtype}, already quantized?`);
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = all.subarray(read, read + n * 4);
    read += n * 4;
    if (bytes.byteLength !== n * 4)
      throw new Error(`quantizeUse: weight ${spec.name} is cut short`);
    if (spec.dtype !== 'float32' || n < MIN_QUANTIZED) {
      parts.push(bytes);
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
  if (read !== all.byteLength)
    throw new Error(`quantizeUse: the manifest sizes ${read} of ${all.byteLength} weight bytes`);
  const weights = concat(parts);
  return {
    modelJson: { ...modelJson, weightsManifest: [{ paths: [WEIGHTS_FILE], weights: outSpecs }] },
    shards: [weights.buffer as ArrayBuffer],
    vocabulary: files.vocabulary,
  };
}

/**
 * A model's files as bytes by name, as readUseFiles / fetchUseFiles read them back:
 * model.json, each shard named in it, vocab.json (both JSON files compact).
 */
export function useFileBytes(files: UseModelFiles): Map<string, Uint8Array> {
  const names = files.modelJson.weightsManifest.flatMap((g) => g.paths);
  if (names.length !== files.shards.length)
    throw new Error(`useFileBytes: ${names.length} shard names for ${files.shards.length} shards`);
  const utf8 = (s: string) => new TextEncoder().encode(s);
  return new Map([
    ['model.json', utf8(JSON.stringify(files.modelJson))],
    ...names.map((name, i): [string, Uint8Array] => [name, new Uint8Array(files.shards[i]!)]),
    ['vocab.json', utf8(JSON.stringify(files.vocabulary))],
  ]);
}
