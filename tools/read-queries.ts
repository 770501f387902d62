/**
 * The match CLI's queries (JSON Lines), read with all the context a line carries. A query is
 * {id, text} with optional doc, speaker, date; the CheckThat! 2b form names its debate as
 * `transcript` and its place as `line`, and that is read the same way:
 *  - the doc is `doc`, else `transcript`;
 *  - the date is `date`, else a date the doc's name starts with ("20170822_Trump_phoenix");
 *  - when the doc's transcript is at hand (`--transcripts DIR`, else a `transcripts/` folder
 *    beside the queries file, one NAME.tsv per debate: line, speaker, text), the query's
 *    speaker is its line's and its neighbours are the lines either side, as `npm run eval`
 *    reads the benchmark; otherwise its neighbours are the previous and next query of the
 *    same doc (by `line` when given, else in file order).
 * On 2b dev read from the raw file this is the difference between MAP@5 0.375 (text alone)
 * and the eval's reading (README, "Matching quality").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Query } from '../lib/types';
import { CliError, readJsonObjects } from './read-claims';
import { parseTranscript, transcriptDate, type TranscriptLine } from './transcripts';

export interface ReadQuery {
  query: Query;
  neighbours: string[];
  /** The query's line in its doc, when known. */
  line?: number;
}

const optStr = (v: unknown): string | undefined =>
  typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined;

type Line = TranscriptLine;

export interface Transcripts {
  /** The lines of the transcript of this name (case-insensitive), when it is at hand. */
  of(name: string): Line[] | undefined;
  /**
   * Where a line of exactly this text is: the one line with it, or of several, the one
   * nearest `near` in the one debate of `near`'s date.
   */
  find(
    text: string,
    near?: { doc?: string; line: number },
  ): { doc: string; line: number } | undefined;
  /** The transcript's name as its file spells it. */
  name(doc: string): string;
}

/** Whitespace runs as one space, trimmed (the queries' copies of a line differ in spaces). */
const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();

const readers = new Map<string, Transcripts>();

/**
 * The transcripts of a folder (one NAME.tsv per debate), each file read once per process
 * however many readers ask (the CLI, the eval and training share them).
 */
export function transcriptsIn(dir: string): Transcripts {
  const key = resolve(dir);
  let r = readers.get(key);
  if (!r) readers.set(key, (r = transcriptReader(key)));
  return r;
}

function transcriptReader(dir: string): Transcripts {
  const files = new Map<string, { name: string; file: string }>();
  if (existsSync(dir))
    for (const f of readdirSync(dir))
      if (f.endsWith('.tsv'))
        files.set(f.slice(0, -4).toLowerCase(), { name: f.slice(0, -4), file: join(dir, f) });
  const cache = new Map<string, Line[]>();
  const of = (name: string): Line[] | undefined => {
    const hit = files.get(name.toLowerCase());
    if (!hit) return undefined;
    let lines = cache.get(hit.file);
    if (!lines) {
      lines = parseTranscript(readFileSync(hit.file, 'utf8'));
      cache.set(hit.file, lines);
    }
    return lines;
  };
  let byText: Map<string, { doc: string; line: number }[]> | undefined;
  const find = (text: string, near?: { doc?: string; line: number }) => {
    if (!byText) {
      byText = new Map();
      for (const { name } of files.values())
        for (const l of of(name) ?? []) {
          const key = squash(l.text);
          const list = byText.get(key) ?? [];
          list.push({ doc: name, line: l.line });
          byText.set(key, list);
        }
    }
    let found = byText.get(squash(text)) ?? [];
    // A line said more than once ("Wrong.") is placed only with the named place's help: in
    // the debate of the named one's date, the occurrence nearest the named line.
    if (found.length > 1) {
      const day = near?.doc ? transcriptDate(near.doc) : undefined;
      found = day ? found.filter((f) => transcriptDate(f.doc) === day) : [];
      const docs = new Set(found.map((f) => f.doc));
      if (docs.size !== 1 || !Number.isFinite(near?.line)) return undefined;
      const at = near?.line ?? 0;
      found.sort((a, b) => Math.abs(a.line - at) - Math.abs(b.line - at));
    }
    return found[0];
  };
  return { of, find, name: (doc) => files.get(doc.toLowerCase())?.name ?? doc };
}

/** A debate and line from an id of the CheckThat! form DEBATE_LINE ("20170822_Trump_phoenix_0204"). */
function placeInId(id: string): { doc: string; line: number } | undefined {
  const m = /^(\d{8}_.+)_(\d{1,5})$/.exec(id);
  return m?.[1] && m[2] ? { doc: m[1], line: Number(m[2]) } : undefined;
}

/**
 * Where a query was said: the debate and line the file names (else its id's), when that
 * transcript is at hand and the line holds the query's text; else the one line at hand with
 * exactly its text (the benchmark's own files misspell debate names, "20161019_3pres" for
 * 20161019_third_presidential_debate, and number some lines differently); else the named
 * place, without its transcript. `lines` are the place's transcript when at hand.
 */
function placeOf(
  named: { doc?: string; line: number },
  id: string,
  text: string,
  atHand: Transcripts,
): { doc?: string; line: number; lines?: Line[]; k: number } {
  const given = named.doc ? named : (placeInId(id) ?? named);
  const lines = given.doc ? atHand.of(given.doc) : undefined;
  const k = lines ? lines.findIndex((l) => l.line === given.line) : -1;
  if (given.doc && lines && k >= 0 && squash(lines[k]?.text ?? '') === squash(text))
    return { doc: atHand.name(given.doc), line: given.line, lines, k };
  const found = atHand.find(text, given);
  if (found) {
    const there = atHand.of(found.doc);
    return { ...found, lines: there, k: there?.findIndex((l) => l.line === found.line) ?? -1 };
  }
  return { ...given, k: -1 };
}

export function readQueries(file: string, transcripts?: string): ReadQuery[] {
  const dir = transcripts ?? join(dirname(file), 'transcripts');
  if (transcripts && !existsSync(transcripts))
    throw new CliError(`--transcripts ${transcripts}: no such directory`);
  const atHand = transcriptsIn(dir);
  const rows = readJsonObjects(file).map(({ line, value: r }) => {
    const id = r.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
      throw new CliError(`${file}: line ${line}: query needs an "id"`);
    if (typeof r.text !== 'string')
      throw new CliError(`${file}: line ${line}: query ${id} needs a string "text"`);
    const named = optStr(r.doc) ?? optStr(r.transcript);
    const given = typeof r.line === 'number' ? r.line : Number(optStr(r.line) ?? NaN);
    const {
      doc,
      line: at,
      lines,
      k,
    } = placeOf({ ...(named ? { doc: named } : {}), line: given }, String(id), r.text, atHand);
    const query: Query = {
      id: String(id),
      text: r.text,
      doc,
      speaker: optStr(r.speaker) ?? (k >= 0 ? lines?.[k]?.speaker || undefined : undefined),
      date: optStr(r.date) ?? (doc ? transcriptDate(doc) : undefined),
    };
    const fromTranscript =
      lines && k >= 0
        ? [lines[k - 1]?.text, lines[k + 1]?.text].filter((t): t is string => !!t)
        : undefined;
    return { query, at, fromTranscript };
  });
  // Without its transcript, a query's neighbours are the queries either side in its doc.
  const byDoc = new Map<string, typeof rows>();
  for (const r of rows)
    if (r.query.doc) {
      const list = byDoc.get(r.query.doc) ?? [];
      list.push(r);
      byDoc.set(r.query.doc, list);
    }
  for (const list of byDoc.values())
    if (list.every((r) => Number.isFinite(r.at))) list.sort((a, b) => a.at - b.at);
  return rows.map((r) => {
    const line = Number.isFinite(r.at) ? { line: r.at } : {};
    if (r.fromTranscript) return { query: r.query, neighbours: r.fromTranscript, ...line };
    const list = r.query.doc ? (byDoc.get(r.query.doc) ?? []) : [];
    const k = list.indexOf(r);
    const neighbours =
      k < 0
        ? []
        : [list[k - 1]?.query.text, list[k + 1]?.query.text].filter((t) => t !== undefined);
    return { query: r.query, neighbours, ...line };
  });
}
