/**
 * npm run claims:build — compiles data/claims/ into public/claims/: index.bin (the matcher's
 * index, loaded by the background at start, with the set's meta in its header) and
 * display-NNN.json (the note cards' data, fetched per shard when a claim matches). See
 * lib/claims/claim-set.ts for the format.
 *
 * Sources: every *.yaml / *.yml (hand-researched, priority 1) and *.jsonl (generated from
 * datasets by scripts/extract-datasets.ts, priority 0) in data/claims/. seed.yaml is required.
 * Any invalid record or duplicate id anywhere: every error is printed, one line each, naming
 * file, record and field, and the build exits 1 without writing. The output is byte-for-byte
 * reproducible; the build prints the sha256 of each kind of output and counts. Files of an
 * earlier build in the output directory (index.bin, display-*.json, the old bundled.json)
 * are removed first, so no stale shard is packaged.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isSeq, parseDocument } from 'yaml';
import { INDEX_FILE } from '../lib/claims/claim-set-format';
import { compileClaimSet, type ClaimGroup } from '../lib/claims/compile-claim-set';
import { writeClaimSetDir } from '../tools/claim-set-files';
import { readJsonLines } from '../lib/claims/read-json-lines';
import { formatError, type ClaimError } from '../lib/claims/claim-error';
import { validateRecords, type RawEntry } from '../lib/claims/validate';
import { VERDICTS, type ClaimRecord } from '../lib/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `--src DIR` and `--out DIR` (repo-relative or absolute) let tests build other sets. */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  return v !== undefined ? resolve(ROOT, v) : join(ROOT, fallback);
}
const SRC_DIR = arg('--src', 'data/claims');
const OUT_DIR = arg('--out', 'public/claims');

/** Hand-researched claims win over dataset claims among near-duplicates (lib/match). */
const PRIORITY_HAND = 1;
const PRIORITY_DATASET = 0;

interface SourceFile {
  /** Repo-relative, for messages. */
  file: string;
  origin: string;
  priority: number;
  entries: RawEntry[];
  errors: ClaimError[];
}

function readYaml(path: string, file: string): Pick<SourceFile, 'entries' | 'errors'> {
  const lineCounter = new LineCounter();
  // The core schema (YAML 1.2) keeps 2024-05-01 a string, as the record format wants.
  const doc = parseDocument(readFileSync(path, 'utf8'), {
    lineCounter,
    schema: 'core',
    prettyErrors: false,
  });
  const errors: ClaimError[] = doc.errors.map((e) => ({
    file,
    record: `line ${lineCounter.linePos(e.pos[0]).line}`,
    field: '',
    message: `YAML: ${e.message.split('\n')[0] ?? e.message}`,
  }));
  if (errors.length > 0) return { entries: [], errors };
  if (!isSeq(doc.contents))
    return {
      entries: [],
      errors: [
        { file, record: 'file', field: '', message: 'expected a YAML list of claim records' },
      ],
    };
  const entries = doc.contents.items.map((node, i): RawEntry => {
    const line =
      node && typeof node === 'object' && 'range' in node && node.range
        ? lineCounter.linePos(node.range[0]).line
        : 0;
    return {
      raw: (node as { toJSON?: () => unknown })?.toJSON?.() ?? node,
      ref: { file, record: line > 0 ? `record ${i + 1} (line ${line})` : `record ${i + 1}` },
    };
  });
  return { entries, errors: [] };
}

function readSources(): SourceFile[] {
  if (!existsSync(join(SRC_DIR, 'seed.yaml'))) {
    console.error(
      `claims:build: ${relative(ROOT, join(SRC_DIR, 'seed.yaml'))} is missing.`,
      'It holds the hand-researched seed claims (DESIGN.md, "The seed article\'s claims"); the bundled set cannot be built without it.',
    );
    process.exit(1);
  }
  const names = readdirSync(SRC_DIR)
    .filter((n) => /\.(ya?ml|jsonl)$/.test(n))
    .sort();
  return names.map((name) => {
    const path = join(SRC_DIR, name);
    const file = relative(ROOT, path);
    const origin = name.replace(/\.(ya?ml|jsonl)$/, '');
    if (name.endsWith('.jsonl')) {
      const { lines, errors } = readJsonLines(readFileSync(path, 'utf8'), file);
      const entries = lines.map(({ line, value }) => ({
        raw: value,
        ref: { file, record: `line ${line}` },
      }));
      return { file, origin, priority: PRIORITY_DATASET, entries, errors };
    }
    return { file, origin, priority: PRIORITY_HAND, ...readYaml(path, file) };
  });
}

function main(): void {
  const sources = readSources();
  const all = sources.flatMap((s) => s.entries);
  const { records, errors: recordErrors } = validateRecords(all);
  const errors = [...sources.flatMap((s) => s.errors), ...recordErrors];
  if (errors.length > 0) {
    for (const e of errors) console.error(formatError(e));
    console.error(`claims:build: ${errors.length} error(s); nothing written.`);
    process.exit(1);
  }
  const byFile = new Map<string, ClaimRecord[]>();
  records.forEach((r, i) => {
    // validateRecords keeps order and drops nothing when there are no errors.
    const file = all[i]?.ref.file ?? '';
    const list = byFile.get(file);
    if (list) list.push(r);
    else byFile.set(file, [r]);
  });
  const groups: ClaimGroup[] = sources.map((s) => ({
    origin: s.origin,
    priority: s.priority,
    records: byFile.get(s.file) ?? [],
  }));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  const compiled = compileClaimSet(groups, {
    name: 'Factmark bundled claims',
    version: pkg.version ?? '0.0.0',
  });
  const [indexFile, ...shards] = writeClaimSetDir(OUT_DIR, compiled);
  const index = indexFile?.bytes ?? Buffer.alloc(0);

  const verdicts = Object.fromEntries(
    VERDICTS.map((v) => [v, records.filter((r) => r.verdict === v).length]),
  );
  const sha = (...parts: Buffer[]) => {
    const h = createHash('sha256');
    for (const p of parts) h.update(p);
    return h.digest('hex');
  };
  const displayBytes = shards.reduce((n, s) => n + s.bytes.length, 0);
  const largest = Math.max(0, ...shards.map((s) => s.bytes.length));
  const out = relative(ROOT, OUT_DIR) || '.';
  console.log(`claims:build: wrote ${out}/${INDEX_FILE} (${index.length} bytes)`);
  console.log(
    `  display: ${shards.length} files ${out}/display-NNN.json (${displayBytes} bytes, largest ${largest})`,
  );
  console.log(`  claims: ${compiled.meta.count}  ${JSON.stringify(compiled.meta.origins)}`);
  console.log(`  verdicts: ${JSON.stringify(verdicts)}`);
  console.log(`  built (latest review date): ${compiled.meta.built}`);
  console.log(`  sha256 ${INDEX_FILE}: ${sha(index)}`);
  // One digest over every display file in order (a per-file list would be 55 lines).
  console.log(`  sha256 display (all, in order): ${sha(...shards.map((s) => s.bytes))}`);
}

main();
