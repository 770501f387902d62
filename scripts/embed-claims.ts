/**
 * npm run claims:embed -- FILE... — the committed claim vector cache
 * (data/semantic/claim-vectors.fmk) for claims files as `npm run match` reads them
 * (tools/read-claims.ts): every claim's text + title embedded with USE lite, so the match
 * CLI's semantic channel embeds only its queries. Claims already in the cache are kept;
 * the cache is rewritten to hold exactly these files' claims. Resumable (saved every
 * 1,024 claims). ~45 ms a claim on one core: run it niced.
 *
 *   nice -n 15 npm run claims:embed -- ../shared/data/.../2a/claims.jsonl ../shared/data/.../2b/claims.jsonl
 */
import { embeddingText } from '../lib/semantic/claim-text';
import {
  CLAIM_VECTOR_CACHE,
  fillCache,
  readKeyedVectors,
  vectorKey,
  writeKeyedVectors,
} from '../tools/claim-vectors';
import { readClaimsFile } from '../tools/read-claims';
import { loadNodeEncoder } from '../tools/semantic-node';

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: claims:embed -- CLAIMS.jsonl...');
const texts = files.flatMap((f) => readClaimsFile(f).map((c) => embeddingText(c.text, c.title)));
const cache = readKeyedVectors();
const enc = await loadNodeEncoder();
const n = await fillCache(texts, cache, (t) => enc.embed(t), { log: console.log });
const keep = new Set(texts.map(vectorKey));
for (const k of [...cache.rows.keys()]) if (!keep.has(k)) cache.rows.delete(k);
writeKeyedVectors(cache);
console.log(
  `claims:embed: ${n} embedded; ${CLAIM_VECTOR_CACHE} holds the ${cache.rows.size} distinct texts of ${texts.length} claims`,
);
enc.dispose();
