/**
 * npx tsx bench/packages.ts [--build] — the store packages' contents and sizes: each zip in
 * .output (`npm run zip`, `npm run zip:firefox`; built first with --build, or when missing),
 * its size, file count, unpacked size and largest files, and what tools/package-check.ts finds
 * wrong with it (nothing, when a store would accept it). A table on stderr; one JSON object
 * on stdout (part of `npm run bench`).
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPackage, checkSources, type PackageKind } from '../tools/package-check';
import { listZip, readZipEntry, type ZipEntry } from '../tools/zip-list';

const OUT = '.output';
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const ZIPS: { kind: PackageKind | 'sources'; file: string; build: string }[] = [
  { kind: 'chrome', file: `factmark-${version}-chrome.zip`, build: 'npx wxt zip' },
  { kind: 'firefox', file: `factmark-${version}-firefox.zip`, build: 'npx wxt zip -b firefox' },
  { kind: 'sources', file: `factmark-${version}-sources.zip`, build: 'npx wxt zip -b firefox' },
];
const TOP = 5;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export interface PackageFigures {
  file: string;
  bytes: number;
  files: number;
  unpackedBytes: number;
  largest: { name: string; bytes: number; stored: number }[];
  problems: string[];
}

/** The figures of one package (its bytes as read from disk). */
export function measure(
  kind: PackageKind | 'sources',
  file: string,
  bytes: Buffer,
): PackageFigures {
  const files = listZip(bytes);
  const manifest = (f: ZipEntry | undefined) =>
    f ? (JSON.parse(readZipEntry(bytes, f).toString('utf8')) as object) : {};
  const problems =
    kind === 'sources'
      ? checkSources(files)
      : checkPackage(kind, files, manifest(files.find((f) => f.name === 'manifest.json')));
  return {
    file,
    bytes: bytes.length,
    files: files.length,
    unpackedBytes: files.reduce((a, f) => a + f.size, 0),
    largest: [...files]
      .sort((a, b) => b.stored - a.stored)
      .slice(0, TOP)
      .map((f) => ({ name: f.name, bytes: f.size, stored: f.stored })),
    problems,
  };
}

function main(): void {
  const build = process.argv.includes('--build');
  if (!existsSync('public/claims/index.bin'))
    execSync('npm run --silent claims:build', { stdio: 'ignore' });
  const built = new Set<string>();
  const result: Record<string, PackageFigures> = {};
  for (const z of ZIPS) {
    const path = join(OUT, z.file);
    if ((build || !existsSync(path)) && !built.has(z.build)) {
      execSync(z.build, { stdio: 'ignore' });
      built.add(z.build);
    }
    const fig = measure(z.kind, z.file, readFileSync(path));
    result[z.kind] = fig;
    process.stderr.write(
      `${z.file}: ${kb(fig.bytes)}, ${fig.files} files, ${kb(fig.unpackedBytes)} unpacked; ` +
        `${fig.problems.length ? fig.problems.join('; ') : 'a store would accept it'}\n` +
        fig.largest
          .map(
            (f) => `  ${kb(f.stored).padStart(10)} zipped ${kb(f.bytes).padStart(10)}  ${f.name}\n`,
          )
          .join(''),
    );
  }
  console.log(JSON.stringify(result));
}

if (process.argv[1]?.endsWith('packages.ts')) main();
