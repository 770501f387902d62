/**
 * npm run --silent match -- --claims FILE --queries FILE [--top N] [--transcripts DIR] [--no-semantic]
 *
 * Ranks claims for each query with the extension's matcher. Both files are
 * JSON Lines. Claims (tools/read-claims.ts): {id, text} (benchmark form, optional
 * title, subtitle (joined to the title, as in the eval), claimant, date) or the source form
 * {id, claim, phrasings, sources, claimant, claimDate, reviewed, ...}, read as the bundled set is.
 * Queries: {id, text} with optional doc, speaker, date, or the CheckThat! 2b form with
 * transcript and line (tools/read-queries.ts: read in its transcript when it is at hand).
 * Each list is then re-ordered by the semantic channel (tools/query-rerank.ts: the lexical
 * ranker's and a plain BM25's top 20 merged, re-scored with the USE cosine). Output, one
 * line per query: {"query": id, "results": [{"claim", "score", "annotate", "semantic"}]}
 * best first; `score` and `annotate` are the lexical decision (a claim only BM25 found has
 * score 0 and is never annotate).
 * Any bad input: one line on stderr and exit code 2.
 */
import { buildIndex, rankQuery } from '../lib/match/matcher';
import type { RankedClaim } from '../lib/types';
import { rerankLists, RERANK_POOL } from '../tools/query-rerank';
import { readClaimsFile } from '../tools/read-claims';
import { readQueries } from '../tools/read-queries';
import { errorMessage } from '../lib/error-message';

class UsageError extends Error {}

function parseArgs(argv: string[]): {
  claims: string;
  queries: string;
  top: number;
  semantic: boolean;
  transcripts?: string;
} {
  let claims: string | undefined;
  let queries: string | undefined;
  let top = 5;
  let semantic = true;
  let transcripts: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--no-semantic') semantic = false;
    else if (a === '--claims' || a === '--queries' || a === '--top' || a === '--transcripts') {
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      i++;
      if (a === '--claims') claims = v;
      else if (a === '--queries') queries = v;
      else if (a === '--transcripts') transcripts = v;
      else {
        top = Number(v);
        if (!Number.isInteger(top) || top < 1)
          throw new UsageError(`--top must be a positive integer, got ${v}`);
      }
    } else throw new UsageError(`unknown argument ${a}`);
  }
  if (!claims || !queries)
    throw new UsageError(
      'usage: match --claims FILE --queries FILE [--top N] [--transcripts DIR] [--no-semantic]',
    );
  return { claims, queries, top, semantic, ...(transcripts ? { transcripts } : {}) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const claims = readClaimsFile(args.claims, { subtitle: true });
  const read = readQueries(args.queries, args.transcripts);
  const queries = read.map((r) => r.query);
  const index = buildIndex(claims);
  const out: string[] = [];
  const lists = read.map(({ query, neighbours }) =>
    rankQuery(index, query, {
      top: args.semantic ? Math.max(args.top, RERANK_POOL) : args.top,
      neighbours,
    }),
  );
  // The semantic channel re-orders each list (tools/query-rerank.ts); `score` and
  // `annotate` stay the lexical decision, `semantic` is the re-ranker's probability.
  const ranked: (RankedClaim & { semantic?: number })[][] = args.semantic
    ? await rerankLists(claims, queries, lists, {
        log: (s) => process.stderr.write(`${s}\n`),
        neighbours: read.map((r) => r.neighbours),
      })
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
  process.stderr.write(`match: ${errorMessage(e)}\n`);
  process.exit(2);
});
