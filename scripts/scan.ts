/**
 * `npm run --silent scan -- FILE.html [--claims FILE] [--semantic]`: runs the extension's own
 * extraction (dom/extract-text.ts, in happy-dom) and matching (lib/match) on a saved page and
 * prints one JSON object per line for each mark it would make: {"claim", "text", "score"}.
 * Without --claims it uses the bundled set (public/claims/, built on demand). `--semantic`
 * adds the marks of the extension's "Find restatements" pass (tools/semantic-scan.ts), each
 * with "semantic": true and its probability as the score.
 */
import { execSync } from 'node:child_process';
import { buildIndex, type ClaimIndex } from '../lib/match/matcher';
import { scanPage } from '../tools/scan-page';
import { CliError, readClaimsFile, readText, runCli } from '../tools/read-claims';
import { hasClaimSetDir, readClaimSetDir } from '../tools/claim-set-files';
import { bundledTable, semanticScan } from '../tools/semantic-scan';
import type { MatchableClaim } from '../lib/types';
import type { Int8Table } from '../lib/semantic/vectors';

const BUNDLED = 'public/claims';
const USAGE =
  'usage: npm run --silent scan -- FILE.html [--claims FILE] [--strictness strict|balanced|broad] [--semantic]';

await runCli('scan', async () => {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let claimsFile: string | undefined;
  let strictness: 'strict' | 'balanced' | 'broad' = 'balanced';
  let semantic = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--semantic') {
      semantic = true;
    } else if (a === '--claims' || a === '--strictness') {
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

  const build = (what: string) =>
    execSync(`npm run --silent ${what}`, { stdio: ['ignore', 'ignore', 'inherit'] });
  const bundledSet = () => {
    if (!hasClaimSetDir(BUNDLED)) build('claims:build');
  };
  let index: ClaimIndex;
  let fileClaims: MatchableClaim[] | undefined;
  if (claimsFile) {
    fileClaims = readClaimsFile(claimsFile);
    if (fileClaims.length === 0) throw new CliError(`${claimsFile}: no claims`);
    index = buildIndex(fileClaims);
  } else {
    bundledSet();
    index = readClaimSetDir(BUNDLED).index;
  }
  // The bundled claims' vectors: a claims file's claims are read against them as rivals.
  const table = (): Int8Table => {
    bundledSet();
    build('semantic:build');
    return bundledTable();
  };

  for (const m of scanPage(html, index, strictness)) {
    process.stdout.write(
      `${JSON.stringify({ claim: m.claim, text: m.text, score: round(m.score) })}\n`,
    );
  }
  // Shown at Balanced and Broad, as in the extension.
  if (semantic && strictness !== 'strict') {
    for (const m of await semanticScan(html, index, table(), fileClaims)) {
      process.stdout.write(
        `${JSON.stringify({ claim: m.claim, text: m.text, score: round(m.score), semantic: true })}\n`,
      );
    }
  }
});

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
