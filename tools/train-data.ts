/**
 * Loaders for the CheckThat! 2021 task 2 data in ../shared/data, shared by
 * scripts/eval.ts and scripts/train-weights.ts (Node only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchableClaim, Sentence } from '../lib/types';
import { claimTitle, readJsonObjects } from './read-claims';
import { readQueries, transcriptsIn, type Transcripts } from './read-queries';
import type { TranscriptLine } from './transcripts';

export const DATA_DIR =
  process.env.FACTMARK_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data');

export type Task = '2a' | '2b';
export type Split = 'train' | 'dev' | 'test';

export interface BenchQuery {
  id: string;
  text: string;
  transcript?: string;
  line?: number;
  speaker?: string;
  date?: string;
  /** Context: the lines either side (2b). */
  neighbours?: string[];
}

export { transcriptDate, type TranscriptLine } from './transcripts';

/** The objects of a JSON Lines file (the datasets' claims and queries). */
export function readJsonl(file: string): Record<string, unknown>[] {
  return readJsonObjects(file).map((l) => l.value);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function taskDir(task: Task): string {
  return join(DATA_DIR, `checkthat2021-${task}`);
}

/** Claims of a task; `subtitle: false` keeps the bare title (the BM25 baseline's definition). */
export function loadClaims(task: Task, opts: { subtitle?: boolean } = {}): MatchableClaim[] {
  const withSubtitle = opts.subtitle ?? true;
  return readJsonl(join(taskDir(task), 'claims.jsonl')).map((r) => ({
    id: String(r.id),
    text: String(r.text ?? ''),
    title: withSubtitle ? claimTitle(r.title, r.subtitle) : str(r.title),
    claimant: str(r.claimant),
    date: str(r.date),
  }));
}

/**
 * Every claim of the datasets, bare titles: 2b (PolitiFact), snopes/ (ids prefixed `snopes-`)
 * and 2a; ~42k, more than the bundled set (the matcher's stress set in tests and bench).
 */
export function allDatasetClaims(): MatchableClaim[] {
  const snopes = readJsonl(join(DATA_DIR, 'snopes', 'claims.jsonl')).map((r) => ({
    id: `snopes-${String(r.id)}`,
    text: String(r.claim),
    title: str(r.title),
    date: str(r.date),
  }));
  return [
    ...loadClaims('2b', { subtitle: false }),
    ...snopes,
    ...loadClaims('2a', { subtitle: false }),
  ];
}

/** Lines of a transcript as the sentences of one document (one per line, newline-separated). */
export function linesAsSentences(lines: readonly string[]): Sentence[] {
  let at = 0;
  return lines.map((text) => {
    const start = at;
    at += text.length + 1;
    return { text, start, end: start + text.length };
  });
}

/** The 2b transcripts, read as the match CLI reads them (tools/read-queries.ts). */
const transcripts = (): Transcripts => transcriptsIn(join(taskDir('2b'), 'transcripts'));

/** A transcript's lines by its name, case-insensitively (the queries' case differs at times). */
export function loadTranscript(name: string): TranscriptLine[] {
  return transcripts().of(name) ?? [];
}

export function splitExists(task: Task, split: Split): boolean {
  return existsSync(join(taskDir(task), `queries-${split}.jsonl`));
}

const queryCache = new Map<string, BenchQuery[]>();
/**
 * A split's queries read as the match CLI reads them (tools/read-queries.ts): a 2b sentence
 * is placed on its transcript line (by its text where the file's debate name or line is
 * wrong), with that line's speaker, the debate's date and the lines either side.
 */
export function loadQueries(task: Task, split: Split): BenchQuery[] {
  const file = join(taskDir(task), `queries-${split}.jsonl`);
  let out = queryCache.get(file);
  if (!out) {
    out = readQueries(file).map(({ query, neighbours, line }) => ({
      id: query.id,
      text: query.text,
      ...(query.doc ? { transcript: query.doc } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(query.speaker ? { speaker: query.speaker } : {}),
      ...(query.date ? { date: query.date } : {}),
      neighbours,
    }));
    queryCache.set(file, out);
  }
  return out;
}

/** A 2b split's checked lines: claim ids by transcript (case-insensitive) and line. */
export interface LineQrels {
  /** The checked lines of one transcript: line -> claim ids (empty when none). */
  of(transcript: string): ReadonlyMap<number, ReadonlySet<string>>;
  /** Each transcript (lower case) with its checked lines. */
  entries(): IterableIterator<[string, ReadonlyMap<number, ReadonlySet<string>>]>;
}

const NO_LINES: ReadonlyMap<number, ReadonlySet<string>> = new Map();

/**
 * The qrels of a 2b split by where each query was said (the qrels' own ids misspell some
 * debates, so they are not keys into the transcripts).
 */
export function lineQrels(split: Split): LineQrels {
  const qrels = loadQrels('2b', split);
  const byDoc = new Map<string, Map<number, Set<string>>>();
  for (const q of loadQueries('2b', split)) {
    const rel = qrels.get(q.id);
    if (!rel || !q.transcript || q.line === undefined) continue;
    const doc = q.transcript.toLowerCase();
    let lines = byDoc.get(doc);
    if (!lines) byDoc.set(doc, (lines = new Map()));
    lines.set(q.line, new Set([...(lines.get(q.line) ?? []), ...rel]));
  }
  return {
    of: (transcript) => byDoc.get(transcript.toLowerCase()) ?? NO_LINES,
    entries: () => byDoc.entries(),
  };
}

/** Query id -> relevant claim ids. */
export function loadQrels(task: Task, split: Split): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const l of readFileSync(join(taskDir(task), `qrels-${split}.tsv`), 'utf8').split('\n')) {
    const [q, c] = l.trim().split('\t');
    if (!q || !c) continue;
    const set = out.get(q) ?? new Set<string>();
    set.add(c);
    out.set(q, set);
  }
  return out;
}

/** Neighbouring lines (the previous and next line of the transcript), as the CLI reads them. */
export function neighboursOf(q: BenchQuery): string[] {
  return q.neighbours ?? [];
}

/** Transcripts of a split (2b), by the queries that cite them. */
export function transcriptsOf(split: Split): string[] {
  const names = new Set<string>();
  for (const q of loadQueries('2b', split)) if (q.transcript) names.add(q.transcript);
  return [...names].filter((n) => transcripts().of(n) !== undefined).sort();
}
