/**
 * npm run --silent match -- --claims FILE --queries FILE [--top N]
 *
 * Ranks claims for each query with the extension's matcher. Both files are
 * JSON Lines. Claims (tools/read-claims.ts): {id, text} (benchmark form, optional
 * title, subtitle (joined to the title, as in the eval), claimant, date) or the source form
 * {id, claim, phrasings, sources, claimant, claimDate, reviewed, ...}, read as the bundled set is.
 * Queries: {id, text} with optional doc, speaker, date (queries of one doc
 * see the previous and next query of that doc as context). Output, one line per
 * query: {"query": id, "results": [{"claim", "score", "annotate"}]} best first.
 * Any bad input: one line on stderr and exit code 2.
 */
import { buildIndex, rankQuery } from '../lib/match/matcher';
import type { Query, RankedClaim } from '../lib/types';
import { rerankLists, RERANK_POOL } from '../tools/query-rerank';
import { readClaimsFile, readJsonObjects } from '../tools/read-claims';

class UsageError extends Error {}

function parseArgs(argv: string[]): {
  claims: string;
  queries: string;
  top: number;
  semantic: boolean;
} {
  let claims: string | undefined;
  let queries: string | undefined;
  let top = 5;
  let semantic = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--no-semantic') semantic = false;
    else if (a === '--claims' || a === '--queries' || a === '--top') {
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      i++;
      if (a === '--claims') claims = v;
      else if (a === '--queries') queries = v;
      else {
        top = Number(v);
        if (!Number.isInteger(top) || top < 1)
          throw new UsageError(`--top must be a positive integer, got ${v}`);
      }
    } else throw new UsageError(`unknown argument ${a}`);
  }
  if (!claims || !queries)
    throw new UsageError('usage: match --claims FILE --queries FILE [--top N] [--no-semantic]');
  return { claims, queries, top, semantic };
}

const optStr = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function toQuery(file: string, line: number, r: Record<string, unknown>): Query {
  const id = r.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
    throw new UsageError(`${file}: line ${line}: query needs an "id"`);
  if (typeof r.text !== 'string')
    throw new UsageError(`${file}: line ${line}: query ${id} needs a string "text"`);
  return {
    id: String(id),
    text: r.text,
    doc: optStr(r.doc),
    speaker: optStr(r.speaker),
    date: optStr(r.date),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const claims = readClaimsFile(args.claims);
  const queries = readJsonObjects(args.queries).map((l) => toQuery(args.queries, l.line, l.value));
  const index = buildIndex(claims);
  const out: string[] = [];
  // Queries of one doc are ranked with their neighbours (the previous and
  // next query of the same doc, in file order) as context, as the extension
  // ranks a page's sentences.
  const byDoc = new Map<string, Query[]>();
  for (const q of queries)
    if (q.doc) {
      const list = byDoc.get(q.doc) ?? [];
      list.push(q);
      byDoc.set(q.doc, list);
    }
  const lists = queries.map((q) => {
    const docQueries = q.doc ? (byDoc.get(q.doc) ?? []) : [];
    const k = docQueries.indexOf(q);
    const neighbours =
      k < 0
        ? []
        : [docQueries[k - 1]?.text, docQueries[k + 1]?.text].filter((t) => t !== undefined);
    return rankQuery(index, q, {
      top: args.semantic ? Math.max(args.top, RERANK_POOL) : args.top,
      neighbours,
    });
  });
  // The semantic channel re-orders each list (tools/query-rerank.ts); `score` and
  // `annotate` stay the lexical decision, `semantic` is the re-ranker's probability.
  const ranked: (RankedClaim & { semantic?: number })[][] = args.semantic
    ? await rerankLists(claims, queries, lists, { log: (s) => process.stderr.write(`${s}\n`) })
    : lists;
  queries.forEach((q, i) => {
    const results = (ranked[i] ?? []).slice(0, args.top).map((r) => ({
      claim: r.claim,
      score: Math.round(r.score * 1e4) / 1e4,
      annotate: r.annotate,
      ...(r.semantic !== undefined ? { semantic: Math.round(r.semantic * 1e4) / 1e4 } : {}),
    }));
    out.push(JSON.stringify({ query: q.id, results }));
  });
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
}

main().catch((e: unknown) => {
  process.stderr.write(`match: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
