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
import { dirname, join } from 'node:path';
import type { Query } from '../lib/types';
import { CliError, readJsonObjects } from './read-claims';
import { parseTranscript, transcriptDate, type TranscriptLine } from './transcripts';

export interface ReadQuery {
  query: Query;
  neighbours: string[];
}

const optStr = (v: unknown): string | undefined =>
  typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined;

type Line = TranscriptLine;

function transcriptReader(dir: string | undefined): (name: string) => Line[] | undefined {
  const files = new Map<string, string>();
  if (dir && existsSync(dir))
    for (const f of readdirSync(dir))
      if (f.endsWith('.tsv')) files.set(f.slice(0, -4).toLowerCase(), join(dir, f));
  const cache = new Map<string, Line[]>();
  return (name) => {
    const file = files.get(name.toLowerCase());
    if (!file) return undefined;
    let lines = cache.get(file);
    if (!lines) {
      lines = parseTranscript(readFileSync(file, 'utf8'));
      cache.set(file, lines);
    }
    return lines;
  };
}

export function readQueries(file: string, transcripts?: string): ReadQuery[] {
  const dir = transcripts ?? join(dirname(file), 'transcripts');
  if (transcripts && !existsSync(transcripts))
    throw new CliError(`--transcripts ${transcripts}: no such directory`);
  const transcriptOf = transcriptReader(dir);
  const rows = readJsonObjects(file).map(({ line, value: r }) => {
    const id = r.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
      throw new CliError(`${file}: line ${line}: query needs an "id"`);
    if (typeof r.text !== 'string')
      throw new CliError(`${file}: line ${line}: query ${id} needs a string "text"`);
    const doc = optStr(r.doc) ?? optStr(r.transcript);
    const at = typeof r.line === 'number' ? r.line : Number(optStr(r.line) ?? NaN);
    const lines = doc ? transcriptOf(doc) : undefined;
    const k = lines && Number.isFinite(at) ? lines.findIndex((l) => l.line === at) : -1;
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
    if (r.fromTranscript) return { query: r.query, neighbours: r.fromTranscript };
    const list = r.query.doc ? (byDoc.get(r.query.doc) ?? []) : [];
    const k = list.indexOf(r);
    const neighbours =
      k < 0
        ? []
        : [list[k - 1]?.query.text, list[k + 1]?.query.text].filter((t) => t !== undefined);
    return { query: r.query, neighbours };
  });
}
