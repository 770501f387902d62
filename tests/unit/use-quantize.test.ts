import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UseModelFiles } from '../../lib/semantic/use-encoder';
import { wasmBackend } from '../../tools/semantic-node';
import { quantizeUse, toHalf, useFileBytes, WEIGHTS_FILE } from '../../tools/use-quantize';

describe('toHalf', () => {
  it.each([
    [1, 0x3c00],
    [-2, 0xc000],
    [-0, 0x8000],
    [0.1, 0x2e66],
    [65504, 0x7bff], // the largest half
    [65520, 0x7c00], // halfway to the next: rounds to even, Infinity
    [Infinity, 0x7c00],
    [NaN, 0x7e00],
    [2 ** -14, 0x0400], // the smallest normal
    [2 ** -14 - 2 ** -25, 0x0400], // a subnormal tie that carries into it
    [2 ** -24, 0x0001], // the smallest subnormal
    [2 ** -25, 0x0000], // half of it: ties to even, zero
    [3 * 2 ** -25, 0x0002], // 1.5 steps: to even 2
    [5 * 2 ** -25, 0x0002], // 2.5 steps: to even 2
    [1 + 2 ** -11, 0x3c00], // a normal tie to even
    [1 + 3 * 2 ** -11, 0x3c02],
  ])('%d is 0x%s', (x, bits) => {
    expect(toHalf(x).toString(16)).toBe(bits.toString(16));
  });
});

describe('quantizeUse', () => {
  beforeAll(() => wasmBackend());
  const big = Float32Array.from({ length: 1024 }, (_, i) => Math.sin(i) * (i % 7) - 0.5);
  big.set([1, -2, 0.1, 65504, 2 ** -24]);
  const f32 = (a: ArrayLike<number>) => new Uint8Array(Float32Array.from(a).buffer);
  const model: UseModelFiles = {
    modelJson: {
      modelTopology: { node: [] },
      weightsManifest: [
        {
          paths: ['a', 'b'],
          weights: [
            { name: 'big', shape: [32, 32], dtype: 'float32' },
            { name: 'ids', shape: [3], dtype: 'int32' },
            { name: 'bias', shape: [4], dtype: 'float32' },
          ],
        },
      ],
    },
    shards: [
      f32(big).buffer as ArrayBuffer,
      new Uint8Array([
        ...new Uint8Array(Int32Array.from([7, -1, 1 << 30]).buffer),
        ...f32([0.1, 0.2, 0.3, 1e-9]),
      ]).buffer,
    ],
    vocabulary: [['▁a', -1]],
  };
  const decoded = (files: UseModelFiles) =>
    tf.io.decodeWeights(
      files.shards[0] as ArrayBuffer,
      files.modelJson.weightsManifest.flatMap((g) => g.weights),
    );

  it('stores large float32 tensors as float16 that TF.js decodes to the nearest half', () => {
    const q = quantizeUse(model, 'float16');
    const bytes = useFileBytes(q);
    expect([...bytes.keys()]).toEqual(['model.json', WEIGHTS_FILE, 'vocab.json']);
    expect(bytes.get(WEIGHTS_FILE)?.byteLength).toBe(1024 * 2 + 3 * 4 + 4 * 4);
    const w = decoded(q);
    const got = w.big?.dataSync() as Float32Array;
    expect([...got.subarray(0, 5)]).toEqual([1, -2, 0.0999755859375, 65504, 2 ** -24]);
    big.forEach((x, i) =>
      expect(Math.abs((got[i] as number) - x)).toBeLessThanOrEqual(2 ** -11 * Math.abs(x)),
    );
    expect([...(w.ids?.dataSync() ?? [])]).toEqual([7, -1, 1 << 30]);
    expect([...(w.bias?.dataSync() ?? [])]).toEqual([...Float32Array.from([0.1, 0.2, 0.3, 1e-9])]);
  });

  it('stores them as uint8 within half a step', () => {
    const w = decoded(quantizeUse(model, 'uint8'));
    const step = (65504 - -2) / 255;
    const got = w.big?.dataSync() as Float32Array;
    big.forEach((x, i) =>
      expect(Math.abs((got[i] as number) - x)).toBeLessThanOrEqual(step / 2 + 1e-3),
    );
  });

  it('refuses weights the manifest does not size', () => {
    expect(() => quantizeUse({ ...model, shards: model.shards.slice(0, 1) }, 'float16')).toThrow(
      /cut short/,
    );
  });
});
