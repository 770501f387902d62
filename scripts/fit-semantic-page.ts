/**
 * The semantic pass on pages, measured and fitted (issue 11):
 *
 *   nice npx tsx scripts/fit-semantic-page.ts           # grouped CV, prints figures (JSON last)
 *   nice npx tsx scripts/fit-semantic-page.ts --write   # then fits on all and writes lib/semantic/page-weights.json
 *   nice npx tsx scripts/fit-semantic-page.ts --curve   # also prints the pooled in-sample precision curve (stderr)
 *
 * The measurement itself is tools/semantic-page-cv.ts (`npm run eval` prints it too).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide, fitPageModel } from '../tools/semantic-page';
import { semanticPageCv } from '../tools/semantic-page-cv';

const { figures, rows, dispose } = await semanticPageCv();
console.log(JSON.stringify(figures));
if (process.argv.includes('--write')) {
  const m = fitPageModel(rows);
  const out = join(import.meta.dirname, '..', 'lib', 'semantic', 'page-weights.json');
  writeFileSync(out, `${JSON.stringify(m, null, 2)}\n`);
  // In the repository's format, so `npm run format:check` passes on the refitted file.
  execFileSync('npx', ['prettier', '--write', out], { stdio: 'ignore' });
  console.error(`wrote ${out}: threshold ${m.threshold}`);
}
await dispose();
if (process.argv.includes('--curve')) {
  const all = decide(rows, fitPageModel(rows)).sort((a, b) => b.p - a.p);
  let r = 0;
  all.forEach((d, k) => {
    if (d.right) r++;
    if (k < 40 || k % 10 === 0)
      console.error(
        k + 1,
        d.p.toFixed(3),
        d.right ? 'R' : d.row.news ? 'N' : '-',
        (r / (k + 1)).toFixed(2),
        d.row.cos.map((c) => c.toFixed(2)).join(','),
        d.row.margin.map((c) => c.toFixed(2)).join(','),
        d.row.cand.hits.map((h) => h.r.score.toFixed(2)).join(','),
      );
  });
}
