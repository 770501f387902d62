/**
 * `npm run scan -- --semantic`: the extension's semantic pass ("Find restatements") on a
 * saved page, in Node. The same candidates (lib/match/semantic-candidates.ts, every one of the
 * page: the extension caps them at 12 a request for its cost), the same model (USE lite on
 * TF.js's WASM backend), the same closeness (lib/semantic/engine.ts, the worker's code: the
 * cosine and the margin over every other claim of the set) and the same decision
 * (lib/semantic/page-decision.ts). The set's claims are compared as a table of their vectors:
 * the bundled set's is public/semantic/claims.fmv; a claims file's is made from the vector
 * caches, embedding (~45 ms a claim) the claims they lack into the CLI cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ClaimIndex } from '../lib/match/matcher';
import { embeddingText } from '../lib/semantic/claim-text';
import { closenessItems } from '../lib/semantic-pass';
import { SemanticEngine } from '../lib/semantic/engine';
import { semanticMatches, type Closeness } from '../lib/semantic/page-decision';
import { MAX_ITEMS } from '../lib/semantic/protocol';
import { decodeTable, type Int8Table } from '../lib/semantic/vectors';
import type { MatchableClaim } from '../lib/types';
import {
  BUNDLED_VECTOR_CACHE,
  CLAIM_VECTOR_CACHE,
  fillCache,
  readKeyedVectors,
  tableFor,
  vectorKey,
  type KeyedVectors,
} from './claim-vectors';
import { CLI_VECTOR_CACHE } from './query-rerank';
import type { PageMark } from './scan-page';
import { loadNodeEncoder } from './semantic-node';
import { pageCandidates } from './semantic-page';

/** The bundled set's table, as the extension ships it. */
export function bundledTable(path = 'public/semantic/claims.fmv'): Int8Table {
  return decodeTable(new Uint8Array(readFileSync(path)));
}

/** A claims file's table (row k: claims[k]), embedding what no cache holds. */
export async function claimsTable(
  claims: readonly MatchableClaim[],
  log?: (s: string) => void,
): Promise<Int8Table> {
  const cli = readKeyedVectors(
    existsSync(CLI_VECTOR_CACHE) ? CLI_VECTOR_CACHE : CLAIM_VECTOR_CACHE,
  );
  const texts = claims.map((c) => embeddingText(c.text, c.title));
  const extra = readKeyedVectors(BUNDLED_VECTOR_CACHE);
  const all = (): KeyedVectors => ({ dim: cli.dim, rows: new Map([...extra.rows, ...cli.rows]) });
  let table = tableFor(texts, all());
  if (!table) {
    const enc = await loadNodeEncoder();
    const missing = texts.filter((t) => !all().rows.has(vectorKey(t)));
    await fillCache(missing, cli, (t) => enc.embed(t), { path: CLI_VECTOR_CACHE, log });
    enc.dispose();
    table = tableFor(texts, all());
  }
  if (!table) throw new Error('claims table: vectors still missing after embedding');
  return table;
}

/** The semantic marks of a saved page against `index` and its claims' `table`. */
export async function semanticScan(
  html: string,
  index: ClaimIndex,
  table: Int8Table,
): Promise<(PageMark & { semantic: true })[]> {
  if (table.n !== index.src.ids.length)
    throw new Error(`the claims table has ${table.n} rows, the claim set ${index.src.ids.length}`);
  const { cands, texts } = pageCandidates(html, index);
  if (cands.length === 0) return [];
  const enc = await loadNodeEncoder();
  try {
    // The worker's own code, MAX_ITEMS paragraphs a request as the extension sends them.
    const engine = SemanticEngine.of(enc, table);
    const items = closenessItems(cands);
    const close: Closeness[] = [];
    for (let i = 0; i < items.length; i += MAX_ITEMS)
      close.push(...(await engine.closeness(items.slice(i, i + MAX_ITEMS))));
    return semanticMatches(cands, close, '', (k) => texts[k] ?? '').map((m) => ({
      claim: index.src.ids[m.row] ?? '',
      text: texts[m.sentence]?.slice(m.start, m.end) ?? '',
      score: m.score,
      semantic: true as const,
    }));
  } finally {
    enc.dispose();
  }
}
