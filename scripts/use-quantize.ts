/**
 * Smaller copies of the USE-lite weights for scripts/use-quant-check.ts to compare: every
 * float32 weight of 1,024+ values stored as float16 (14 MB) or as uint8 with a per-tensor
 * affine scale (7 MB) instead of float32 (28 MB), see tools/use-quantize.ts (which also makes
 * the float16 copy the extension ships: scripts/semantic-assets.ts).
 * Writes cache/semantic/use-lite-<dtype>/{model.json, weights.bin, vocab.json}.
 *
 *   npx tsx scripts/use-quantize.ts float16|uint8
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUseFiles } from '../tools/semantic-node';
import { CACHE_DIR } from '../tools/semantic-texts';
import { quantizeUse, useFileBytes, WEIGHTS_FILE } from '../tools/use-quantize';

const dtype = process.argv[2];
if (dtype !== 'float16' && dtype !== 'uint8')
  throw new Error('usage: use-quantize.ts float16|uint8');

const files = readUseFiles();
const out = useFileBytes(quantizeUse(files, dtype));
const dir = join(CACHE_DIR, `use-lite-${dtype}`);
mkdirSync(dir, { recursive: true });
for (const [name, bytes] of out) writeFileSync(join(dir, name), bytes);
const float32 = files.shards.reduce((n, s) => n + s.byteLength, 0);
const weights = out.get(WEIGHTS_FILE)?.byteLength ?? 0;
console.log(
  `wrote ${dir}: weights ${(weights / 1e6).toFixed(1)} MB (float32: ${(float32 / 1e6).toFixed(1)} MB)`,
);
