/**
 * `npm run scan -- --semantic`: the extension's semantic pass ("Find restatements") on a
 * saved page, in Node. The same candidates (lib/match/semantic-candidates.ts, every one of the
 * page: the extension caps them at 12 a request for its cost), the same model (USE lite on
 * TF.js's WASM backend), the same closeness (lib/semantic/engine.ts, the worker's code: the
 * cosine and the margin over every other claim of the set) and the same decision
 * (lib/semantic/page-decision.ts). The bundled set's claims are rows of public/semantic/
 * claims.fmv; a claims file's candidates are embedded from their texts and read against the
 * bundled claims as rivals, as the extension reads an import or a feed.
 */
import { readFileSync } from 'node:fs';
import type { ClaimIndex } from '../lib/match/matcher';
import { embeddingText } from '../lib/semantic/claim-text';
import { claimTextItems, closenessItems } from '../lib/semantic-pass';
import { SemanticEngine } from '../lib/semantic/engine';
import { semanticMatches, type Closeness } from '../lib/semantic/page-decision';
import { MAX_ITEMS } from '../lib/semantic/protocol';
import { decodeTable, type Int8Table } from '../lib/semantic/vectors';
import type { MatchableClaim } from '../lib/types';
import type { PageMark } from './scan-page';
import { loadNodeEncoder } from './semantic-node';
import { pageCandidates } from './semantic-page';

/** The bundled set's table, as the extension ships it. */
export function bundledTable(path = 'public/semantic/claims.fmv'): Int8Table {
  return decodeTable(new Uint8Array(readFileSync(path)));
}

/**
 * The semantic marks of a saved page against `index`. The bundled set's claims are rows of
 * `table` (claims.fmv); a claims file's (`claims` given, as an import or a feed in the
 * extension) go to the engine as texts and are read against the bundled table as rivals
 * (lib/semantic/vectors.ts closenessToClaims), exactly as the extension's worker reads them.
 */
export async function semanticScan(
  html: string,
  index: ClaimIndex,
  table: Int8Table,
  claims?: readonly MatchableClaim[],
): Promise<(PageMark & { semantic: true })[]> {
  if (!claims && table.n !== index.src.ids.length)
    throw new Error(`the claims table has ${table.n} rows, the claim set ${index.src.ids.length}`);
  const { cands, texts } = pageCandidates(html, index);
  if (cands.length === 0) return [];
  const enc = await loadNodeEncoder();
  try {
    // The worker's own code, MAX_ITEMS paragraphs a request as the extension sends them.
    const engine = SemanticEngine.of(enc, table);
    const items = claims
      ? claimTextItems(cands, (k) => embeddingText(claims[k]?.text ?? '', claims[k]?.title))
      : closenessItems(cands);
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
