/**
 * The built extension with another claim set, for `npm run bench` (bench/run.ts scaling,
 * bench/limits.ts): a sample of the bundled dataset claims, or each of them several times
 * (under new ids). The set is built by `npm run claims:build` itself from a copy of
 * data/claims/ (the seed claims always whole), so it is compiled exactly as the bundled one.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './browser-harness';
import { INDEX_FILE } from '../lib/claims/claim-set-format';

const SOURCES = 'data/claims';

export interface Variant {
  /** The extension directory to load. */
  dir: string;
  /** Dataset claims in its set (the seed claims come on top). */
  datasetClaims: number;
  /** How long `claims:build` took for it. */
  buildMs: number;
  indexBytes: number;
}

/** Dataset claims (the JSON Lines files of data/claims/) in the bundled set. */
export function bundledDatasetClaims(): number {
  return datasetFiles().reduce((n, f) => n + f.lines.length, 0);
}

function datasetFiles(): { name: string; lines: string[] }[] {
  return readdirSync(SOURCES)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .map((name) => ({
      name,
      lines: readFileSync(join(SOURCES, name), 'utf8')
        .split('\n')
        .filter((l) => l.trim()),
    }));
}

/**
 * Writes the extension with `opts.sample` dataset claims (every k-th line across the files, so
 * the sample spans the whole set's vocabulary) or with each dataset claim `opts.times` times,
 * into `outDir`.
 */
export function extensionWithClaims(
  outDir: string,
  opts: { sample?: number; times?: number },
): Variant {
  const src = `${outDir}-src`;
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  for (const name of readdirSync(SOURCES))
    if (/\.ya?ml$/.test(name)) cpSync(join(SOURCES, name), join(src, name));
  const files = datasetFiles();
  const total = files.reduce((n, f) => n + f.lines.length, 0);
  const k = opts.sample ? Math.max(1, Math.floor(total / opts.sample)) : 1;
  const times = opts.times ?? 1;
  let seen = 0;
  let kept = 0;
  for (const f of files) {
    const out: string[] = [];
    for (const line of f.lines) {
      const pick = seen++ % k === 0 && (!opts.sample || kept < opts.sample);
      if (!pick) continue;
      kept++;
      out.push(line);
      if (times > 1) {
        const r = JSON.parse(line) as { id: string };
        for (let c = 1; c < times; c++) out.push(JSON.stringify({ ...r, id: `${r.id}-x${c}` }));
      }
    }
    writeFileSync(join(src, f.name), out.length ? `${out.join('\n')}\n` : '');
  }
  rmSync(outDir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, outDir, { recursive: true });
  const t0 = performance.now();
  execFileSync(
    'npx',
    ['tsx', 'scripts/claims-build.ts', '--src', src, '--out', join(outDir, 'claims')],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const buildMs = Math.round(performance.now() - t0);
  rmSync(src, { recursive: true, force: true });
  return {
    dir: outDir,
    datasetClaims: kept * times,
    buildMs,
    indexBytes: statSync(join(outDir, 'claims', INDEX_FILE)).size,
  };
}
