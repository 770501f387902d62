/**
 * Reads the tools' JSON Lines inputs (Node only): claims files for the CLIs (`match`, `scan`)
 * and the datasets the eval and training read. A claims file holds records with at least `id`
 * and `text` (the benchmark form of ../shared/data: optional title, subtitle, claimant, date)
 * or records in the source form (`id`, `claim`, `phrasings`, `sources`, `claimant`,
 * `claimDate`, `reviewed`, ...). Both reach the matcher through toMatchable, as the bundled
 * set does. Errors name the file and line.
 */
import { readFileSync } from 'node:fs';
import { readJsonLines } from '../lib/claims/read-json-lines';
import { toMatchable } from '../lib/claims/to-matchable';
import type { MatchableClaim } from '../lib/types';
import { errorMessage } from '../lib/error-message';

export class CliError extends Error {}

export interface JsonObjectLine {
  line: number;
  value: Record<string, unknown>;
}

/** A JSON Lines file whose every line is an object; anything else throws a CliError. */
export function readJsonObjects(file: string): JsonObjectLine[] {
  const { lines, errors } = readJsonLines(readText(file), file);
  const first = errors[0];
  if (first) throw new CliError(`${file}: ${first.record}: ${first.message}`);
  return lines.map(({ line, value }) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new CliError(`${file}: line ${line}: expected a JSON object`);
    return { line, value: value as Record<string, unknown> };
  });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The matcher's title unit of a benchmark claim: the fact check's title and
 * subtitle (Snopes subtitles restate or frame the claim). Chosen on train:
 * 2a train MAP@5 0.8407 -> 0.8444 (as a phrasing instead: 0.8364).
 */
export function claimTitle(title: unknown, subtitle: unknown): string | undefined {
  const parts = [str(title), str(subtitle)].filter((p): p is string => !!p);
  return parts.length ? parts.join(' \u2014 ') : undefined;
}

/**
 * One line of a claims file as the matcher sees it. Source-form records keep the bundled set's
 * rule (the title is the first source's, the date the claim's, else the review's); benchmark
 * records give their title and date directly. A benchmark subtitle is left out: it lifts
 * query-mode MAP@5 a little (2a train 0.8407 -> 0.8444, so the eval's query runs use it) but
 * lowers page mode, which reads claims files through here (2a tweet pages at the page
 * threshold, recall train 0.600 -> 0.536, dev 0.734 -> 0.704). `subtitle: true` joins it, as
 * the match CLI and the eval's query runs do. The priority is the record's own, else none:
 * claims:build gives JSONL files priority 0 too.
 */
export function matchableFromJson(
  r: Record<string, unknown>,
  where: string,
  opts: ReadClaimsOptions = {},
): MatchableClaim {
  if (typeof r.id !== 'string' || r.id === '')
    throw new CliError(`${where}: id: expected a non-empty string`);
  const sourceForm = typeof r.text !== 'string';
  const body = sourceForm ? r.claim : r.text;
  if (typeof body !== 'string' || body.trim() === '')
    throw new CliError(`${where}: text: expected the claim text in "text" or "claim"`);
  const phrasings = Array.isArray(r.phrasings)
    ? r.phrasings.filter((p): p is string => typeof p === 'string')
    : [];
  const firstSource: unknown = Array.isArray(r.sources) ? r.sources[0] : undefined;
  const title = sourceForm
    ? str((firstSource as { title?: unknown } | undefined)?.title)
    : opts.subtitle
      ? claimTitle(r.title, r.subtitle)
      : str(r.title);
  return toMatchable(
    {
      id: r.id,
      claim: body,
      phrasings,
      sources: title === undefined ? [] : [{ title }],
      claimant: str(r.claimant),
      claimDate: str(r.claimDate) ?? str(r.date),
      reviewed: str(r.reviewed),
    },
    typeof r.priority === 'number' ? r.priority : 0,
  );
}

export interface ReadClaimsOptions {
  /** Join a benchmark record's subtitle to its title (query mode; see matchableFromJson). */
  subtitle?: boolean;
}

/** Every claim of a claims file; duplicate ids are refused. */
export function readClaimsFile(file: string, opts: ReadClaimsOptions = {}): MatchableClaim[] {
  const seen = new Set<string>();
  return readJsonObjects(file).map(({ line, value }) => {
    const where = `${file}: line ${line}`;
    const claim = matchableFromJson(value, where, opts);
    if (seen.has(claim.id)) throw new CliError(`${where}: id: duplicate id "${claim.id}"`);
    seen.add(claim.id);
    return claim;
  });
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read file${code ? ` (${code})` : ''}`);
  }
}

/** Runs a CLI body: a CliError (or any error) is one line on stderr and exit code 2. */
export async function runCli(name: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (err) {
    const msg = errorMessage(err);
    process.stderr.write(`${name}: ${msg.split('\n')[0]}\n`);
    process.exit(2);
  }
}
