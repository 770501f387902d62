/**
 * `npm run --silent scan -- FILE.html [--claims FILE]`: runs the extension's own extraction
 * (dom/extract-text.ts, in happy-dom) and matching (lib/match) on a saved page and prints one
 * JSON object per line for each mark it would make: {"claim", "text", "score"}.
 * Without --claims it uses the bundled set (public/claims/, built on demand).
 */
import { execSync } from 'node:child_process';
import { Window } from 'happy-dom';
import { extractChunks } from '../dom/extract-text';
import { pageSentences } from '../dom/page-sentences';
import { pageDate } from '../dom/page-meta';
import { buildIndex, matchSentences, type ClaimIndex } from '../lib/match/index';
import { CliError, readClaimsFile, readText, runCli } from './cli/read-claims';
import { hasClaimSetDir, readClaimSetDir } from './claim-set-files';

const BUNDLED = 'public/claims';
const USAGE =
  'usage: npm run --silent scan -- FILE.html [--claims FILE] [--strictness strict|balanced|broad]';

await runCli('scan', () => {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let claimsFile: string | undefined;
  let strictness: 'strict' | 'balanced' | 'broad' = 'balanced';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--claims' || a === '--strictness') {
      const v = args[++i];
      if (!v || v.startsWith('--')) throw new CliError(`${a} needs a value; ${USAGE}`);
      if (a === '--claims') claimsFile = v;
      else if (v === 'strict' || v === 'balanced' || v === 'broad') strictness = v;
      else throw new CliError(`--strictness: expected strict, balanced or broad, got "${v}"`);
    } else if (a.startsWith('--')) {
      throw new CliError(`unknown option ${a}; ${USAGE}`);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new CliError(`one page at a time; ${USAGE}`);
    }
  }
  if (!file) throw new CliError(USAGE);
  const html = readText(file);

  let index: ClaimIndex;
  if (claimsFile) {
    const claims = readClaimsFile(claimsFile);
    if (claims.length === 0) throw new CliError(`${claimsFile}: no claims`);
    index = buildIndex(claims);
  } else {
    if (!hasClaimSetDir(BUNDLED))
      execSync('npm run --silent claims:build', { stdio: ['ignore', 'ignore', 'inherit'] });
    index = readClaimSetDir(BUNDLED).index;
  }

  const window = new Window({ url: 'https://example.com/' });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const chunks = extractChunks(doc.body ?? doc.documentElement);
  const page = pageSentences(chunks);
  const whole = chunks.map((c) => c.text).join('\n\n');
  const matches = matchSentences(index, page.sentences, { date: pageDate(doc) }, { strictness });
  for (const m of matches) {
    const text = whole.slice(m.start, m.end);
    process.stdout.write(`${JSON.stringify({ claim: m.claim, text, score: round(m.score) })}\n`);
  }
  void window.happyDOM.close();
});

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
